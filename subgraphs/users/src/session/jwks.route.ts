import { sendJson, type RouteHandler } from '@techally/platform';
import type { JWK } from 'jose';

/** The JWKS URL path: where the gateway and the other subgraphs fetch the access-token public keys. */
export const JWKS_PATH = '/.well-known/jwks.json';

/**
 * `GET /.well-known/jwks.json`: the public keys that verify our access tokens. Cacheable for a few minutes;
 * verifiers refetch on an unknown kid anyway, so a rotation does not wait for the cache.
 */
export function jwksRoute(publicKeys: ReadonlyArray<JWK>): RouteHandler {
  const body = { keys: publicKeys };
  return (request, response) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.setHeader('allow', 'GET, HEAD');
      return sendJson(response, 405, { error: 'method not allowed' });
    }
    response.setHeader('cache-control', 'public, max-age=300');
    sendJson(response, 200, body);
  };
}
