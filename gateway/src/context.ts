import { authenticate, type AccessTokenVerifier, type RequestInfo, type Viewer } from '@techally/platform';
import type { ApiKeyAuthenticator } from './edge/api-keys/api-key-authenticator';
import type { PartnerCaller } from './edge/partner-caller';

/** What one request through the gateway carries: the client's headers (to forward) and the verified caller. */
export interface GatewayContext extends RequestInfo {
  readonly viewer: Viewer | null;
  /** The partner whose API key the request presented (null: a first-party or anonymous caller). */
  readonly partner: PartnerCaller | null;
}

/**
 * Verifies the caller at the edge — the partner's API key (edge/api-keys), else the access token: a bad one is
 * refused here, with UNAUTHENTICATED and 401, before any subgraph is called. Subgraphs verify tokens again
 * (defence in depth); a partner reaches them as an anonymous caller (the key is never forwarded).
 */
export function createGatewayContext(verifier: AccessTokenVerifier, apiKeys: ApiKeyAuthenticator) {
  return async (request: RequestInfo): Promise<GatewayContext> => {
    const partner = await apiKeys.partnerFrom(request.headers);
    return { ...request, viewer: await authenticate(verifier, request.headers), partner };
  };
}
