import { readFile, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join, resolve } from 'node:path';
import { sendJson, type RouteHandler } from '@techally/platform';

/** Where the bundle is served: under `/graphql`, so a proxy that forwards the endpoint forwards the explorer too. */
export const EXPLORER_ASSETS_PATH = '/graphql/explorer';

/**
 * Where `scripts/build-explorer.js` writes the bundle: gateway/dist/explorer, the same path from src/ (jest) and
 * from dist/ (node dist/main.js), both three levels below the package.
 */
export const DEFAULT_EXPLORER_BUNDLE_DIR = resolve(__dirname, '../../../dist/explorer');

const ASSETS: Readonly<Record<string, string>> = {
  'explorer.js': 'text/javascript; charset=utf-8',
  'explorer.css': 'text/css; charset=utf-8',
  // The licences of the bundled packages (esbuild's legal comments), served beside the code they cover.
  'explorer.js.LEGAL.txt': 'text/plain; charset=utf-8',
};

/** The bundle on disk: whether it is built, and the routes that serve its files. */
export interface ExplorerAssets {
  isBuilt(): Promise<boolean>;
  readonly routes: Readonly<Record<string, RouteHandler>>;
}

/**
 * Serves the built bundle's files from `bundleDir`, read on each request (a development tool: `pnpm build` is
 * picked up without a restart, and a gateway started before the build serves it once built). ETag from size and
 * modification time, so a reload costs a 304.
 */
export function explorerAssets(bundleDir = DEFAULT_EXPLORER_BUNDLE_DIR): ExplorerAssets {
  const routes: Record<string, RouteHandler> = {};
  for (const [file, contentType] of Object.entries(ASSETS)) {
    routes[`${EXPLORER_ASSETS_PATH}/${file}`] = (request, response) => serveFile(join(bundleDir, file), contentType, request, response);
  }
  return {
    routes,
    isBuilt: () => stat(join(bundleDir, 'explorer.js')).then(
      () => true,
      () => false,
    ),
  };
}

async function serveFile(path: string, contentType: string, request: IncomingMessage, response: ServerResponse): Promise<void> {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.setHeader('allow', 'GET, HEAD');
    return sendJson(response, 405, { error: 'GET only' });
  }
  const info = await stat(path).catch(() => null);
  if (!info) return sendJson(response, 404, { error: 'the explorer is not built: run pnpm build' });
  const etag = `W/"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}"`;
  const headers = { 'content-type': contentType, 'cache-control': 'no-cache', etag, 'x-content-type-options': 'nosniff' };
  if (request.headers['if-none-match'] === etag) {
    response.writeHead(304, headers);
    response.end();
    return;
  }
  const body = request.method === 'HEAD' ? undefined : await readFile(path);
  response.writeHead(200, { ...headers, 'content-length': String(info.size) });
  response.end(body);
}
