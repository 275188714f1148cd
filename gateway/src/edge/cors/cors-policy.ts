import type { IncomingMessage, ServerResponse } from 'node:http';
import { ErrorCode, sendJson, type CorsHandler, type Logger } from '@techally/platform';
import { API_KEY_HEADER } from '../partner-caller';
import type { CorsConfig } from './cors-config';

export const CORS_ALLOWED_METHODS = 'GET, POST, OPTIONS';

/**
 * Request headers a page may send. A fixed list rather than an echo of Access-Control-Request-Headers, so what
 * a browser may carry to the graph is written down here. Accept and the simple content types are safelisted by
 * the browser already; `content-type` is listed for application/json.
 */
export const CORS_ALLOWED_HEADERS = [
  'content-type',
  'authorization',
  API_KEY_HEADER,
  // Apollo's CSRF prevention accepts a request that carries one of these (a page must be allowed to send them).
  'apollo-require-preflight',
  'x-apollo-operation-name',
  // Client awareness: Apollo's names and the GraphQL-over-HTTP ones.
  'apollographql-client-name',
  'apollographql-client-version',
  'graphql-client-name',
  'graphql-client-version',
  // W3C trace context and our request id, so a browser's trace joins the gateway's.
  'traceparent',
  'tracestate',
  'x-request-id',
].join(', ');

/** Response headers a page may read besides the safelisted ones (Retry-After: when a rate limit lets it try again). */
export const CORS_EXPOSED_HEADERS = 'retry-after, x-request-id';

/**
 * Browsers cache a preflight for at most this long (Chromium caps at 2 h): one OPTIONS per origin and header set
 * instead of one per request. Removing an origin still takes effect at once: every actual answer is checked again.
 */
export const CORS_MAX_AGE_SECONDS = 7_200;

/**
 * The CORS answer of `/graphql` (a platform `CorsHandler`): a preflight from an allowed origin is answered 204
 * with the methods, headers and max age; a preflight from any other origin 403 FORBIDDEN without any CORS
 * header (the browser refuses either way; a 403 says why in the developer's network panel and in our logs). An
 * actual request from an allowed origin gets `Access-Control-Allow-Origin` with its origin; any other request
 * continues without CORS headers, and Apollo's CSRF prevention still refuses the simple requests a page could
 * send without a preflight. Never `Access-Control-Allow-Credentials`: the graph authenticates with bearer tokens
 * and API keys that a page sets itself, never with cookies, so a credentialed (cookie-carrying) request from a
 * page is refused by the browser, and no ambient credential can ever ride a cross-site call.
 */
export function corsPolicy(config: CorsConfig, logger: Logger): CorsHandler {
  return (request: IncomingMessage, response: ServerResponse): boolean => {
    // Every answer depends on Origin, including the ones without CORS headers: a cache must not mix them up.
    response.setHeader('vary', 'Origin');
    const origin = request.headers.origin;
    const allowed = origin !== undefined && config.allowedOrigins.has(origin);
    const preflight = request.method === 'OPTIONS' && origin !== undefined && request.headers['access-control-request-method'] !== undefined;
    if (preflight && !allowed) {
      logger.info({ origin }, 'cross-origin preflight refused: origin not in CORS_ORIGINS');
      sendJson(response, 403, {
        errors: [{ message: 'Cross-origin requests from this origin are not allowed.', extensions: { code: ErrorCode.FORBIDDEN } }],
      });
      return true;
    }
    if (!allowed) return false;
    response.setHeader('access-control-allow-origin', origin);
    if (!preflight) {
      response.setHeader('access-control-expose-headers', CORS_EXPOSED_HEADERS);
      return false;
    }
    response.writeHead(204, {
      'access-control-allow-methods': CORS_ALLOWED_METHODS,
      'access-control-allow-headers': CORS_ALLOWED_HEADERS,
      'access-control-max-age': String(CORS_MAX_AGE_SECONDS),
      'content-length': '0',
    });
    response.end();
    return true;
  };
}
