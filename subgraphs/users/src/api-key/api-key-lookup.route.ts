import { timingSafeEqual, createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { sendJson, type RouteHandler } from '@techally/platform';
import type { ApiKeyService } from './api-key.service';

export interface ApiKeyLookupRouteOptions {
  /** Builds the service on a fresh EntityManager fork for each lookup. */
  readonly service: () => ApiKeyService;
  /** API_KEY_LOOKUP_SECRET; null: only callers on this machine (loopback) are answered (development). */
  readonly secret: string | null;
}

const KEY_HASH = /^[0-9a-f]{64}$/;
const MAX_BODY_BYTES = 1_024;

/**
 * `POST /internal/api-keys/lookup` `{ "keyHash": "<hex sha256>" }`: the gateway's question "is this key valid,
 * and whose is it?" (issue #11). Not a GraphQL field: it is not part of the graph, no client may reach it, and
 * the gateway must not need a user's token to ask. Protected by a shared secret (`Authorization: Bearer …`,
 * compared in constant time); without one configured (development), only loopback callers are answered.
 */
export function apiKeyLookupRoute(options: ApiKeyLookupRouteOptions): RouteHandler {
  const expected = options.secret === null ? null : digest(options.secret);
  return async (request, response) => {
    if (request.method !== 'POST') {
      response.setHeader('allow', 'POST');
      return sendJson(response, 405, { error: 'method not allowed' });
    }
    if (!isAllowedCaller(request, expected)) return sendJson(response, 401, { error: 'unauthorized' });
    const body = await readSmallJson(request);
    const keyHash = typeof body === 'object' && body !== null ? (body as { keyHash?: unknown }).keyHash : undefined;
    if (typeof keyHash !== 'string' || !KEY_HASH.test(keyHash)) {
      return sendJson(response, 400, { error: 'expected {"keyHash": "<64 hex characters>"}' });
    }
    const answer = await options.service().lookup(keyHash);
    response.setHeader('cache-control', 'no-store');
    sendJson(response, 200, answer);
  };
}

function isAllowedCaller(request: IncomingMessage, expected: Buffer | null): boolean {
  if (expected === null) return isLoopback(request.socket.remoteAddress);
  const header = request.headers.authorization ?? '';
  const presented = header.startsWith('Bearer ') ? header.slice('Bearer '.length) : '';
  // Digests of equal length, so the comparison's time says nothing about the secret's length or content.
  return timingSafeEqual(digest(presented), expected);
}

function isLoopback(address: string | undefined): boolean {
  return address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1';
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

async function readSmallJson(request: IncomingMessage): Promise<unknown> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(chunk);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    return undefined;
  }
}
