import { exportJWK, generateKeyPair, SignJWT, type JWK, type KeyLike } from 'jose';

export interface TestSigningKey {
  readonly privateKey: KeyLike;
  readonly publicJwk: JWK;
  readonly kid: string;
}

/** A fresh ES256 key pair, for tokens a test signs itself (another issuer's key, a verifier's fixture). */
export async function createTestSigningKey(kid = 'test-key'): Promise<TestSigningKey> {
  const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
  return { privateKey, publicJwk: { ...(await exportJWK(publicKey)), kid, alg: 'ES256', use: 'sig' }, kid };
}

export interface TokenClaims {
  readonly sub: string;
  readonly roles?: ReadonlyArray<string>;
  readonly issuer: string;
  readonly audience: string;
  /** Seconds from now; negative for a token that has already expired. */
  readonly expiresIn?: number;
}

/** Signs an access token with the given key, as the users subgraph would (or as an attacker with their own key). */
export async function signTestToken(key: TestSigningKey, claims: TokenClaims): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ roles: [...(claims.roles ?? ['CUSTOMER'])] })
    .setProtectedHeader({ alg: 'ES256', kid: key.kid, typ: 'JWT' })
    .setSubject(claims.sub)
    .setIssuer(claims.issuer)
    .setAudience(claims.audience)
    .setIssuedAt(now - 60)
    .setExpirationTime(now + (claims.expiresIn ?? 900))
    .sign(key.privateKey);
}

/** An unsigned token (`alg: none`): a verifier must refuse it whatever its claims say. */
export function unsignedToken(claims: Record<string, unknown>): string {
  const encode = (part: object) => Buffer.from(JSON.stringify(part)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  return `${encode({ alg: 'none', typ: 'JWT' })}.${encode({ iat: now, exp: now + 900, ...claims })}.`;
}
