import type { IncomingHttpHeaders } from 'node:http';
import { forwardedForChain } from '@techally/platform';

/**
 * The address of the client as far as the gateway can trust it. Each of the `trustedProxies` proxies in front of
 * the gateway (a load balancer: GATEWAY_TRUSTED_PROXIES) appended the address it saw to `X-Forwarded-For`, so the
 * client is the entry just left of theirs, counted from the gateway's own socket peer. Anything further left was
 * written by the client and may be forged: with no trusted proxy (the default) the socket's peer is the client,
 * whatever the header says. A chain shorter than the proxies claimed gives its left-most entry.
 */
export function clientAddress(headers: IncomingHttpHeaders, remoteAddress: string | undefined, trustedProxies: number): string {
  const chain = trustedProxies > 0 ? forwardedForChain(headers) : [];
  if (remoteAddress) chain.push(remoteAddress);
  return chain[Math.max(chain.length - 1 - trustedProxies, 0)] ?? 'unknown';
}
