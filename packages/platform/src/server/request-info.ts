import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { Logger } from 'pino';

export const REQUEST_ID_HEADER = 'x-request-id';

/** What every GraphQL context starts from: who asked (headers), the request id and a logger carrying it. */
export interface RequestInfo {
  readonly requestId: string;
  readonly headers: IncomingHttpHeaders;
  readonly logger: Logger;
  /**
   * The address of the peer that opened the connection (the client, a load balancer, or the gateway when a
   * subgraph is asked): what the gateway appends to `X-Forwarded-For` for the subgraphs.
   */
  readonly remoteAddress?: string;
}

const SAFE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Keeps a caller's request id (the gateway's, forwarded) when it is sane, so one id follows a request everywhere. */
export function requestIdFrom(headers: IncomingHttpHeaders): string {
  const incoming = headers[REQUEST_ID_HEADER];
  const value = Array.isArray(incoming) ? incoming[0] : incoming;
  return value && SAFE_REQUEST_ID.test(value) ? value : randomUUID();
}

export const FORWARDED_FOR_HEADER = 'x-forwarded-for';

/**
 * The addresses in a request's `X-Forwarded-For`, left (the client, as far as anyone claims) to right (the proxy
 * nearest to us), however the header was split or spaced. Only the right-most entries, appended by proxies we
 * run, can be trusted; the rest are whatever the client wrote.
 */
export function forwardedForChain(headers: IncomingHttpHeaders): string[] {
  const value = headers[FORWARDED_FOR_HEADER];
  return (Array.isArray(value) ? value : [value])
    .flatMap((entry) => (entry ?? '').split(','))
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
}

/**
 * The client's address as far as it can be trusted: `X-Forwarded-For` followed by this socket's peer. Each of the
 * `trustedProxies` proxies in front of this process appended one entry, so the client is the entry just left of
 * theirs; anything further left was written by the client and may be forged (a caller choosing its own address
 * would choose its own rate-limit bucket). A chain shorter than that (a caller that came round the proxies) gives
 * its left-most entry; 'unknown' when there is no address at all. With 0 trusted proxies it is the socket's peer.
 */
export function clientAddressOf(headers: IncomingHttpHeaders, remoteAddress: string | undefined, trustedProxies: number): string {
  const chain = forwardedForChain(headers);
  if (remoteAddress) chain.push(remoteAddress);
  return chain[Math.max(chain.length - 1 - trustedProxies, 0)] ?? 'unknown';
}
