import { randomUUID } from 'node:crypto';
import { ACCESS_TOKEN_ALGORITHM, type Role } from '@techally/platform';
import { SignJWT } from 'jose';
import type { SigningKey } from './signing-key';

export interface AccessTokenIssuerOptions {
  readonly key: SigningKey;
  readonly issuer: string;
  readonly audience: string;
  readonly ttlSeconds: number;
  readonly clock: () => Date;
}

export interface IssuedAccessToken {
  readonly token: string;
  readonly expiresAt: Date;
}

export interface AccessTokenIssuer {
  issue(subject: { readonly id: string; readonly roles: ReadonlyArray<Role> }): Promise<IssuedAccessToken>;
}

/**
 * Signs the short-lived ES256 access tokens every subgraph and the gateway verify (platform
 * createAccessTokenVerifier): iss, aud, sub, roles, iat, exp, jti, and the key's kid in the header so
 * verifiers pick the right key from the JWKS during a rotation.
 */
export function createAccessTokenIssuer(options: AccessTokenIssuerOptions): AccessTokenIssuer {
  return {
    async issue(subject) {
      const issuedAt = Math.floor(options.clock().getTime() / 1000);
      const expiresAt = issuedAt + options.ttlSeconds;
      const token = await new SignJWT({ roles: [...subject.roles] })
        .setProtectedHeader({ alg: ACCESS_TOKEN_ALGORITHM, kid: options.key.kid, typ: 'JWT' })
        .setIssuer(options.issuer)
        .setAudience(options.audience)
        .setSubject(subject.id)
        .setIssuedAt(issuedAt)
        .setExpirationTime(expiresAt)
        .setJti(randomUUID())
        .sign(options.key.privateKey);
      return { token, expiresAt: new Date(expiresAt * 1000) };
    },
  };
}
