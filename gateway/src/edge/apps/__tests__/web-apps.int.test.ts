import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { createServer, request as httpRequest, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { startEdgeGateway, type EdgeGateway } from '../../../__tests__/support/edge-gateway';
import { webAppsHandler, type WebApp } from '../web-apps';

/**
 * The built apps beside /graphql (issue #12): the storefront at `/`, the admin at `/admin/`, each a folder like
 * Vite's dist/ made here, served by the handler on a plain node:http server that answers 404 when the handler
 * declines (as the gateway's server does); then the same rules through the real gateway.
 */
const root = mkdtempSync(join(tmpdir(), 'web-apps-'));
const STOREFRONT_INDEX = '<!doctype html><title>storefront</title><script type="module" src="/assets/index-abc123.js"></script>';
const ADMIN_INDEX = '<!doctype html><title>admin</title>';
// Over 1 kB, so it is kept gzipped; repetitive, so gzip really shrinks it.
const SCRIPT = `console.log(${JSON.stringify('the storefront '.repeat(200))});\n`;

const PUSH_WORKER = "self.addEventListener('push', () => undefined);\n";

function dist(name: string, files: Record<string, string>): string {
  const dir = join(root, name);
  for (const [path, body] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), body);
  }
  return dir;
}

const APPS: WebApp[] = [
  { name: 'storefront', basePath: '/', distDir: dist('storefront', { 'index.html': STOREFRONT_INDEX, 'assets/index-abc123.js': SCRIPT, 'robots.txt': 'User-agent: *\n', 'push-sw.js': PUSH_WORKER }) },
  { name: 'admin', basePath: '/admin/', distDir: dist('admin', { 'index.html': ADMIN_INDEX }) },
];
// Beside the apps' folders: what a path that climbs out of one would reach.
writeFileSync(join(root, 'secret.txt'), 'not for the web');

interface Answer {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
}

/** One request exactly as given (no client decompression, no path normalisation). */
function send(origin: string, path: string, options: { method?: string; headers?: Record<string, string> } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const { hostname, port } = new URL(origin);
    const outgoing = httpRequest({ hostname, port, path, method: options.method ?? 'GET', headers: options.headers ?? {} }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode!, headers: response.headers, body: Buffer.concat(chunks) }));
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}

async function serve(apps: ReadonlyArray<WebApp>): Promise<{ origin: string; server: Server }> {
  const handle = webAppsHandler(apps);
  const server = createServer((request, response) => {
    void handle(request, response, new URL(request.url!, 'http://localhost')).then((answered) => {
      if (!answered) response.writeHead(404).end('no route');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

let origin: string;
let server: Server;
beforeAll(async () => ({ origin, server } = await serve(APPS)));
afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  rmSync(root, { recursive: true, force: true });
});

describe('the web apps beside /graphql', () => {
  it('serves each app’s index.html at its base, revalidated on every load, with the content security policy', async () => {
    const storefront = await send(origin, '/');
    expect(storefront.status).toBe(200);
    expect(storefront.body.toString()).toBe(STOREFRONT_INDEX);
    expect(storefront.headers).toMatchObject({
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-cache',
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'strict-origin-when-cross-origin',
    });
    const csp = storefront.headers['content-security-policy'];
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self' ws: wss:");
    expect(csp).toContain("frame-ancestors 'none'");
    expect((await send(origin, '/admin/')).body.toString()).toBe(ADMIN_INDEX);
  });

  it('answers /admin without its slash with the admin, not the storefront', async () => {
    const admin = await send(origin, '/admin');
    expect(admin.status).toBe(200);
    expect(admin.body.toString()).toBe(ADMIN_INDEX);
  });

  it('falls back to the app’s index.html for its pages (client-side routes), never for a missing file', async () => {
    expect((await send(origin, '/products/espresso-machine-x1')).body.toString()).toBe(STOREFRONT_INDEX);
    expect((await send(origin, '/admin/orders/42')).body.toString()).toBe(ADMIN_INDEX);
    expect((await send(origin, '/assets/index-gone.js')).status).toBe(404);
    expect((await send(origin, '/admin/assets/missing.css')).status).toBe(404);
  });

  it('never answers the server’s own paths with an app page: a missing one stays a 404', async () => {
    for (const path of ['/metrics', '/health', '/health/unknown', '/internal/api-keys/lookup', '/.well-known/jwks.json', '/graphql/explorer/gone']) {
      expect({ path, status: (await send(origin, path)).status }).toEqual({ path, status: 404 });
    }
    expect((await send(origin, '/metrics-and-more')).body.toString()).toBe(STOREFRONT_INDEX);
  });

  it('caches the content-hashed assets for a year, everything else is revalidated', async () => {
    const script = await send(origin, '/assets/index-abc123.js');
    expect(script.status).toBe(200);
    expect(script.headers).toMatchObject({ 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'public, max-age=31536000, immutable' });
    expect(script.body.toString()).toBe(SCRIPT);
    expect((await send(origin, '/robots.txt')).headers['cache-control']).toBe('no-cache');
  });

  it('serves the storefront’s push service worker at the root: JavaScript, revalidated, a worker the CSP allows', async () => {
    const worker = await send(origin, '/push-sw.js');
    expect(worker.status).toBe(200);
    expect(worker.body.toString()).toBe(PUSH_WORKER);
    // A browser refuses a worker served as anything but JavaScript; no-cache: a new version is picked up at once.
    expect(worker.headers).toMatchObject({ 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-cache' });
    expect(worker.headers['content-security-policy']).toContain("worker-src 'self'");
    expect(worker.headers['service-worker-allowed']).toBeUndefined(); // at the root its scope is `/` already
  });

  it('answers 304 without a body to a request that has the current ETag, and 200 once the file changed', async () => {
    const first = await send(origin, '/');
    const etag = first.headers.etag!;
    expect(etag).toMatch(/^W\/"/);
    const again = await send(origin, '/', { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    expect(again.body).toHaveLength(0);
    expect(again.headers['content-security-policy']).toBeDefined();

    // A rebuild (new content, new modification time) is served at the next load, no restart.
    const path = join(APPS[1]!.distDir, 'index.html');
    const before = await send(origin, '/admin/');
    writeFileSync(path, `${ADMIN_INDEX}<!-- rebuilt -->`);
    utimesSync(path, new Date(), new Date(Date.now() + 60_000));
    const rebuilt = await send(origin, '/admin/', { headers: { 'if-none-match': before.headers.etag! } });
    expect(rebuilt.status).toBe(200);
    expect(rebuilt.body.toString()).toContain('rebuilt');
  });

  it('sends text gzipped to a browser that accepts it, and as it is otherwise', async () => {
    const zipped = await send(origin, '/assets/index-abc123.js', { headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(zipped.headers).toMatchObject({ 'content-encoding': 'gzip', vary: 'accept-encoding' });
    expect(Number(zipped.headers['content-length'])).toBe(zipped.body.length);
    expect(zipped.body.length).toBeLessThan(SCRIPT.length / 5);
    expect(gunzipSync(zipped.body).toString()).toBe(SCRIPT);
    const plain = await send(origin, '/assets/index-abc123.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toBe('accept-encoding');
    // Under 1 kB it is not worth it.
    expect((await send(origin, '/', { headers: { 'accept-encoding': 'gzip' } })).headers['content-encoding']).toBeUndefined();
  });

  it('never serves a file outside the app’s folder, however the path is written', async () => {
    for (const path of [
      '/..%2f..%2fpackage.json',
      '/..%2fsecret.txt',
      '/%2e%2e%2fsecret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/admin/..%2fsecret.txt',
      '/admin/..%2fstorefront%2frobots.txt',
      '/assets/%00.js',
      '/%E0%A4%A',
    ]) {
      const answer = await send(origin, path);
      expect({ path, status: answer.status }).toEqual({ path, status: 404 });
      expect(answer.body.toString()).not.toContain('not for the web');
    }
  });

  it('refuses anything but GET and HEAD with 405; HEAD gets the headers alone', async () => {
    for (const method of ['POST', 'PUT', 'DELETE']) {
      const refused = await send(origin, '/', { method });
      expect(refused.status).toBe(405);
      expect(refused.headers.allow).toBe('GET, HEAD');
      expect(refused.headers['content-security-policy']).toBeDefined();
    }
    const head = await send(origin, '/assets/index-abc123.js', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers['content-length']).toBe(String(Buffer.byteLength(SCRIPT)));
    expect(head.body).toHaveLength(0);
  });

  it('says an app is not built yet with a 503 that is never cached, and serves the other app as ever', async () => {
    const half = await serve([APPS[0]!, { name: 'admin', basePath: '/admin/', distDir: join(root, 'admin-never-built') }]);
    try {
      const missing = await send(half.origin, '/admin/orders');
      expect(missing.status).toBe(503);
      expect(missing.headers['cache-control']).toBe('no-store');
      expect(missing.headers['content-security-policy']).toBeDefined();
      expect(missing.body.toString()).toBe('The admin is not built yet: run `pnpm build` (or `pnpm --filter @techally/admin build`).\n');
      expect((await send(half.origin, '/')).status).toBe(200);
    } finally {
      await new Promise((resolve) => half.server.close(resolve));
    }
  });
});

describe('the web apps in the gateway (WEB_APPS)', () => {
  let served: EdgeGateway;
  let off: EdgeGateway;
  const originOf = (edge: EdgeGateway) => new URL(edge.url).origin;
  beforeAll(async () => {
    [served, off] = await Promise.all([startEdgeGateway(), startEdgeGateway({ env: { WEB_APPS: 'false' } })]);
  });
  afterAll(async () => {
    await served?.stop();
    await off?.stop();
  });

  it('serves the repository’s apps by default, under the policy; a path out of them is the gateway’s JSON 404', async () => {
    // 200 once `pnpm build` built the storefront, 503 before: the policy either way.
    const page = await send(originOf(served), '/');
    expect([200, 503]).toContain(page.status);
    expect(page.headers['content-security-policy']).toContain("default-src 'self'");
    const climbing = await send(originOf(served), '/..%2f..%2fpackage.json');
    expect({ status: climbing.status, body: JSON.parse(climbing.body.toString()) }).toEqual({ status: 404, body: { error: 'no route /..%2f..%2fpackage.json' } });
    expect(served.subgraphRequests()).toBe(0);
  });

  it('serves no app when WEB_APPS=false (a CDN serves them): every path but the gateway’s own is its JSON 404', async () => {
    for (const path of ['/', '/admin/', '/products/x']) {
      const answer = await send(originOf(off), path);
      expect({ path, status: answer.status, body: JSON.parse(answer.body.toString()) }).toEqual({ path, status: 404, body: { error: `no route ${path}` } });
    }
    expect((await send(originOf(off), '/health/live')).status).toBe(200);
  });
});
