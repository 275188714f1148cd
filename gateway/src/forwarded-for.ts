import type { IncomingHttpHeaders } from 'node:http';
import { forwardedForChain } from '@techally/platform';

/**
 * The `X-Forwarded-For` the gateway hands the subgraphs: the chain the client's request arrived with (added to
 * by any proxy in front of the gateway) followed by the address the gateway's own socket saw, as every proxy
 * does. A subgraph that needs the client's address (the users subgraph throttles log-ins per client, issue #9)
 * reads it from the right, trusting only as many entries as there are proxies it knows of: anything further
 * left was written by the client and may be forged. Undefined when there is nothing to forward.
 */
export function forwardedFor(headers: IncomingHttpHeaders, remoteAddress: string | undefined): string | undefined {
  const chain = forwardedForChain(headers);
  if (remoteAddress) chain.push(remoteAddress);
  return chain.length > 0 ? chain.join(', ') : undefined;
}
