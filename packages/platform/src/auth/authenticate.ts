import type { IncomingHttpHeaders } from 'node:http';
import type { AccessTokenVerifier } from './jwt-verifier';
import type { Viewer } from './viewer';

/**
 * The viewer of a request from its Authorization header: null when there is none, UNAUTHENTICATED when there is
 * one we cannot verify (a client sending a stale token should refresh, not be silently treated as anonymous).
 */
export function authenticate(verifier: AccessTokenVerifier, headers: IncomingHttpHeaders): Promise<Viewer | null> {
  return verifier.viewerFromAuthorization(headers.authorization);
}
