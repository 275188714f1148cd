import { authenticate, type AccessTokenVerifier, type RequestInfo, type Viewer } from '@techally/platform';

/** What one request through the gateway carries: the client's headers (to forward) and the verified viewer. */
export interface GatewayContext extends RequestInfo {
  readonly viewer: Viewer | null;
}

/**
 * Verifies the access token at the edge: a bad token is refused here, with UNAUTHENTICATED and 401, before any
 * subgraph is called. Subgraphs verify again (defence in depth).
 */
export function createGatewayContext(verifier: AccessTokenVerifier) {
  return async (request: RequestInfo): Promise<GatewayContext> => ({
    ...request,
    viewer: await authenticate(verifier, request.headers),
  });
}
