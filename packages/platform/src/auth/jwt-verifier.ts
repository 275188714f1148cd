import { createRemoteJWKSet, errors, jwtVerify, type JWTVerifyGetKey, type KeyLike } from 'jose';
import { DomainError } from '../errors/domain-error';
import { ErrorCode } from '../errors/error-codes';
import { Role, type Viewer } from './viewer';

/** The only signature algorithm we accept; anything else (including `none` and HS256 with a public key) fails. */
export const ACCESS_TOKEN_ALGORITHM = 'ES256';

export interface JwtVerifierOptions {
  /** Where the signing keys are published: the users subgraph's `/.well-known/jwks.json`. */
  readonly keys: URL | JWTVerifyGetKey | KeyLike;
  readonly issuer: string;
  readonly audience: string;
  /** The clock tokens are checked against (tests move it); defaults to the system's. */
  readonly now?: () => number;
}

/**
 * How long a verified token is answered from memory before it is verified again (never past its `exp`). Within
 * what the key cache already allows: a key withdrawn from the JWKS is only noticed at its next fetch.
 */
export const VERIFIED_TOKEN_MEMO_MS = 60_000;
/**
 * After a failed JWKS fetch (the users subgraph down, or its load balancer answering 502/503), tokens that need
 * the keys are answered SERVICE_UNAVAILABLE for this long without asking again: a flood of tokens during an
 * outage costs one fetch per pause, not one per request. Short, because every signed-in request fails meanwhile.
 */
export const JWKS_RETRY_AFTER_FAILURE_MS = 5_000;

/** Tokens remembered at most; the memo is emptied when full (a flood of distinct tokens costs what it did). */
const MAX_REMEMBERED_TOKENS = 10_000;

export interface AccessTokenVerifier {
  /** Verifies a bearer token and returns its viewer; throws UNAUTHENTICATED with a reason a client can act on. */
  verify(token: string): Promise<Viewer>;
  /** Reads `Authorization: Bearer …`; no header means anonymous (null), a bad token means UNAUTHENTICATED. */
  viewerFromAuthorization(header: string | undefined): Promise<Viewer | null>;
}

/**
 * Verifies ES256 access tokens against the published JWKS (fetched once, cached, refetched when an unknown
 * `kid` appears, so key rotation needs no restart). Used by the gateway and again by every subgraph: a
 * subgraph never trusts a header it has not verified itself.
 *
 * A token that verified is remembered for {@link VERIFIED_TOKEN_MEMO_MS}, never past its `exp`: a signed-in
 * client's every request reaches the gateway and each subgraph of its plan with the same token, and an ES256
 * verification costs a few hundred microseconds of CPU each time, a tenth of a listing's whole cost in a
 * subgraph. Refusals are not remembered.
 */
export function createAccessTokenVerifier(options: JwtVerifierOptions): AccessTokenVerifier {
  const now = options.now ?? Date.now;
  const keys = options.keys instanceof URL ? remoteKeys(options.keys, now) : options.keys;
  const remembered = new Map<string, { readonly viewer: Viewer; readonly until: number }>();

  async function verify(token: string): Promise<Viewer> {
    const known = remembered.get(token);
    if (known) {
      if (now() < known.until) return known.viewer;
      remembered.delete(token);
    }
    const verifiedAt = now();
    try {
      const { payload } = await jwtVerify(token, keys as JWTVerifyGetKey, {
        algorithms: [ACCESS_TOKEN_ALGORITHM],
        issuer: options.issuer,
        audience: options.audience,
        requiredClaims: ['sub', 'exp', 'iat'],
        currentDate: new Date(verifiedAt),
      });
      const roles = Array.isArray(payload['roles']) ? payload['roles'].filter(isRole) : [];
      const viewer: Viewer = Object.freeze({ userId: payload.sub as string, roles: Object.freeze(roles) });
      if (remembered.size >= MAX_REMEMBERED_TOKENS) remembered.clear();
      remembered.set(token, { viewer, until: Math.min((payload.exp as number) * 1000, verifiedAt + VERIFIED_TOKEN_MEMO_MS) });
      return viewer;
    } catch (error) {
      // The keys could not be fetched (the users subgraph is down): not the client's fault, and retrying
      // later will work, so it must not read as "your token is bad".
      if (error instanceof errors.JWKSTimeout || !(error instanceof errors.JOSEError)) {
        throw new DomainError(ErrorCode.SERVICE_UNAVAILABLE, 'Access tokens cannot be verified right now; try again shortly.', {
          http: { status: 503 },
        });
      }
      throw DomainError.unauthenticated(describeTokenFailure(error));
    }
  }

  return {
    verify,
    async viewerFromAuthorization(header) {
      if (header === undefined || header === '') return null;
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      if (!match?.[1]) throw DomainError.unauthenticated('The Authorization header must be "Bearer <access token>".');
      return verify(match[1]);
    },
  };
}

/** The keys could not be had (fetch failed, timed out, or the document was not a JWKS): not the token's fault. */
class SigningKeysUnavailable extends Error {}

/**
 * The published JWKS through jose's remote key set — fetched once, cached, refetched for an unknown `kid` at most
 * once per 30 s (`cooldownDuration`) — plus what it lacks: after a failed fetch, no new fetch for
 * {@link JWKS_RETRY_AFTER_FAILURE_MS}, and every failure to get the keys reported as such. jose throws its generic
 * JOSEError for a non-200 answer, which would otherwise read as "the access token is malformed" and log
 * signed-in clients out during a users outage.
 */
function remoteKeys(url: URL, now: () => number): JWTVerifyGetKey {
  const jwks = createRemoteJWKSet(url, { cooldownDuration: 30_000 });
  let retryAt = 0;
  return async (header, token) => {
    if (now() < retryAt) throw new SigningKeysUnavailable('the JWKS failed recently');
    try {
      return await jwks(header, token);
    } catch (error) {
      // No key, or several, for the token's `kid`: an answer about the token, the JWKS itself is fine.
      if (error instanceof errors.JWKSNoMatchingKey || error instanceof errors.JWKSMultipleMatchingKeys) throw error;
      retryAt = now() + JWKS_RETRY_AFTER_FAILURE_MS;
      throw new SigningKeysUnavailable('the JWKS could not be fetched', { cause: error });
    }
  };
}

function isRole(value: unknown): value is Role {
  return value === Role.ADMIN || value === Role.CUSTOMER;
}

function describeTokenFailure(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'The access token has expired; refresh the session.';
  if (error instanceof errors.JWTClaimValidationFailed) return `The access token is not valid here (${error.claim}).`;
  if (error instanceof errors.JOSEAlgNotAllowed) return 'The access token is signed with an algorithm we do not accept.';
  if (error instanceof errors.JWKSNoMatchingKey || error instanceof errors.JWSSignatureVerificationFailed) {
    return 'The access token was not signed by this service.';
  }
  if (error instanceof errors.JOSENotSupported) return 'The access token uses a feature we do not accept.';
  return 'The access token is malformed.';
}
export type { JWTVerifyGetKey } from 'jose';
