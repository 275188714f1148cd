import type { IncomingHttpHeaders } from 'node:http';
import { forwardedForChain } from '@techally/platform';

/**
 * The client's address as far as it can be trusted: `X-Forwarded-For` (the chain the gateway forwards: what the
 * request arrived with, then the address the gateway's socket saw) followed by this socket's peer. Each of the
 * `trustedProxies` proxies in front of this subgraph appended one entry, so the client is the entry just left of
 * theirs; anything further left was written by the client and may be forged. A chain shorter than that (a caller
 * that reached the subgraph directly) gives its left-most entry; 'unknown' when there is no address at all.
 */
export function clientAddressOf(headers: IncomingHttpHeaders, remoteAddress: string | undefined, trustedProxies: number): string {
  const chain = forwardedForChain(headers);
  if (remoteAddress) chain.push(remoteAddress);
  return chain[Math.max(chain.length - 1 - trustedProxies, 0)] ?? 'unknown';
}
