import { authenticate, type AccessTokenVerifier, type RequestInfo, type Viewer } from '@techally/platform';
import type { PartnerCaller } from './edge/partner-caller';

/** What one request through the gateway carries: the client's headers (to forward) and the verified caller. */
export interface GatewayContext extends RequestInfo {
  readonly viewer: Viewer | null;
  /** The partner whose API key the request presented (null: a first-party or anonymous caller). */
  readonly partner: PartnerCaller | null;
}

/**
 * Verifies the access token at the edge: a bad token is refused here, with UNAUTHENTICATED and 401, before any
 * subgraph is called. Subgraphs verify again (defence in depth).
 */
export function createGatewayContext(verifier: AccessTokenVerifier) {
  return async (request: RequestInfo): Promise<GatewayContext> => ({
    ...request,
    viewer: await authenticate(verifier, request.headers),
    partner: null,
  });
}
