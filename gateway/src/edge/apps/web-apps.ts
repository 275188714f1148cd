import { readFile, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

/** A built single-page app served under `basePath` (`/` for the storefront, `/admin/` for the admin portal). */
export interface WebApp {
  readonly name: string;
  /** Ends with `/`; the app was built with the same `base` (its vite.config.ts). */
  readonly basePath: string;
  /** Vite's `dist/`: index.html and assets/ with content-hashed names. */
  readonly distDir: string;
}

const REPO_ROOT = resolve(__dirname, '../../../..');

/** The apps of this repository, as `pnpm build` leaves them (the same path from src/ and from dist/). */
export const WEB_APPS: ReadonlyArray<WebApp> = [
  { name: 'admin', basePath: '/admin/', distDir: join(REPO_ROOT, 'clients/admin/dist') },
  { name: 'storefront', basePath: '/', distDir: join(REPO_ROOT, 'clients/storefront/dist') },
];

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};

/**
 * The apps' pages may load only their own files and talk only to this gateway (HTTP and WebSocket): an injected
 * script could not send a shopper's token anywhere else. Inline style attributes are React's `style={…}`. Workers
 * (the storefront's push service worker, `/push-sw.js`) only from the app's own files, said explicitly rather than
 * left to the fallback on script-src.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self' ws: wss:",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

const SECURITY_HEADERS = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
} as const;

/**
 * Paths that belong to the server, never to an app page: a missing one is the server's JSON 404, not the shop's
 * index.html with a 200 (a monitor probing `/metrics` on the public port must see that nothing is there).
 */
const RESERVED_PREFIXES = ['/graphql', '/metrics', '/health', '/internal', '/.well-known'];

function isReservedPath(pathname: string): boolean {
  return RESERVED_PREFIXES.some((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`));
}

interface CachedFile {
  readonly mtimeMs: number;
  readonly body: Buffer;
  readonly gzipped: Buffer | null;
}

/**
 * Serves the built apps beside `/graphql`, so `pnpm start` shows the shop on the gateway's port (a CDN does this
 * in a large deployment; the files are the same). Files under `assets/` have content hashes in their names and
 * are cached for a year; everything else, index.html first, is revalidated on each load, so a new build is live
 * at the next reload. A path with no file and no extension is a page of the app (client-side routing): its
 * index.html. Files are read from disk when they change (a rebuild needs no restart) and kept gzipped in memory.
 */
export function webAppsHandler(apps: ReadonlyArray<WebApp> = WEB_APPS) {
  // Longest base first: /admin/… is the admin's, everything else the storefront's.
  const ordered = [...apps].sort((a, b) => b.basePath.length - a.basePath.length);
  const cache = new Map<string, CachedFile>();

  async function load(path: string): Promise<CachedFile | null> {
    const info = await stat(path).catch(() => null);
    if (!info?.isFile()) return null;
    const cached = cache.get(path);
    if (cached && cached.mtimeMs === info.mtimeMs) return cached;
    const body = await readFile(path);
    const compressible = /^(text\/|application\/json|image\/svg)/.test(CONTENT_TYPES[extname(path)] ?? '');
    const file = { mtimeMs: info.mtimeMs, body, gzipped: compressible && body.length > 1024 ? gzipSync(body) : null };
    cache.set(path, file);
    return file;
  }

  return async function serveWebApp(request: IncomingMessage, response: ServerResponse, url: URL): Promise<boolean> {
    const pathname = url.pathname === '/admin' ? '/admin/' : url.pathname;
    const app = ordered.find((candidate) => pathname.startsWith(candidate.basePath));
    if (!app) return false;
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { ...SECURITY_HEADERS, allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' });
      response.end('GET only\n');
      return true;
    }
    let relative: string;
    try {
      relative = decodeURIComponent(pathname.slice(app.basePath.length));
    } catch {
      return false;
    }
    const root = resolve(app.distDir);
    const requested = resolve(root, normalize(relative || 'index.html'));
    // No way out of the app's folder (`..`, encoded or not).
    if (requested !== root && !requested.startsWith(root + sep)) return false;

    let path = requested;
    let file = await load(path);
    if (!file && extname(relative) === '' && !isReservedPath(pathname)) {
      path = join(root, 'index.html');
      file = await load(path);
      if (!file) {
        response.writeHead(503, { ...SECURITY_HEADERS, 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
        response.end(`The ${app.name} is not built yet: run \`pnpm build\` (or \`pnpm --filter @techally/${app.name} build\`).\n`);
        return true;
      }
    }
    if (!file) return false;

    const immutable = path.startsWith(join(root, 'assets') + sep);
    const etag = `W/"${file.body.length.toString(16)}-${Math.floor(file.mtimeMs).toString(16)}"`;
    const gzip = file.gzipped !== null && /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
    const headers: Record<string, string> = {
      ...SECURITY_HEADERS,
      'content-type': CONTENT_TYPES[extname(path)] ?? 'application/octet-stream',
      'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      etag,
      vary: 'accept-encoding',
    };
    if (request.headers['if-none-match'] === etag) {
      response.writeHead(304, headers);
      response.end();
      return true;
    }
    const body = gzip ? file.gzipped! : file.body;
    response.writeHead(200, { ...headers, ...(gzip ? { 'content-encoding': 'gzip' } : {}), 'content-length': String(body.length) });
    response.end(request.method === 'HEAD' ? undefined : body);
    return true;
  };
}
