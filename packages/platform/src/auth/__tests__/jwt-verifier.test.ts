import { createLocalJWKSet, SignJWT } from 'jose';
import { createTestSigningKey, signTestToken, unsignedToken, type TestSigningKey } from '@techally/testing';
import { createAccessTokenVerifier, type AccessTokenVerifier } from '../jwt-verifier';

const ISSUER = 'https://issuer.test';
const AUDIENCE = 'techally-graph';
let key: TestSigningKey;
let verifier: AccessTokenVerifier;

beforeAll(async () => {
  key = await createTestSigningKey('current');
  verifier = createAccessTokenVerifier({
    keys: createLocalJWKSet({ keys: [key.publicJwk] }),
    issuer: ISSUER,
    audience: AUDIENCE,
  });
});

const claims = { sub: 'user-1', issuer: ISSUER, audience: AUDIENCE };

async function refusal(token: string): Promise<{ code: unknown; message: string }> {
  const error = await verifier.verify(token).then(
    () => {
      throw new Error('the token was accepted');
    },
    (rejection: { extensions: Record<string, unknown>; message: string }) => rejection,
  );
  return { code: error.extensions['code'], message: error.message };
}

describe('access token verification', () => {
  it('accepts a token signed by the published key and returns its viewer', async () => {
    const token = await signTestToken(key, { ...claims, roles: ['ADMIN', 'CUSTOMER', 'ROOT'] });
    await expect(verifier.verify(token)).resolves.toEqual({ userId: 'user-1', roles: ['ADMIN', 'CUSTOMER'] });
  });

  it.each([
    ['malformed', async () => 'not.a.jwt', /malformed/],
    ['expired', async () => signTestToken(key, { ...claims, expiresIn: -10 }), /expired/],
    ['unsigned (alg: none)', async () => unsignedToken({ sub: 'user-1', iss: ISSUER, aud: AUDIENCE }), /./],
    ['for another audience', async () => signTestToken(key, { ...claims, audience: 'someone-else' }), /aud/],
    ['from another issuer', async () => signTestToken(key, { ...claims, issuer: 'https://evil.test' }), /iss/],
    ['signed by another key', async () => signTestToken(await createTestSigningKey('current'), claims), /not signed/],
  ])('refuses a %s token with UNAUTHENTICATED', async (_case, makeToken, message) => {
    const { code, message: text } = await refusal(await makeToken());
    expect(code).toBe('UNAUTHENTICATED');
    expect(text).toMatch(message);
  });

  it('refuses an HS256 token even when its secret is the public key (algorithm confusion)', async () => {
    const secret = new TextEncoder().encode(JSON.stringify(key.publicJwk));
    const token = await new SignJWT({ roles: ['ADMIN'] })
      .setProtectedHeader({ alg: 'HS256', kid: key.kid })
      .setSubject('user-1')
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(secret);
    expect((await refusal(token)).code).toBe('UNAUTHENTICATED');
  });

  it('answers SERVICE_UNAVAILABLE, not UNAUTHENTICATED, when the signing keys cannot be fetched', async () => {
    const unreachable = createAccessTokenVerifier({ keys: new URL('http://127.0.0.1:1/.well-known/jwks.json'), issuer: ISSUER, audience: AUDIENCE });
    await expect(unreachable.verify(await signTestToken(key, claims))).rejects.toMatchObject({
      extensions: { code: 'SERVICE_UNAVAILABLE' },
    });
  });

  it('treats a missing Authorization header as anonymous and a non-bearer one as an error', async () => {
    await expect(verifier.viewerFromAuthorization(undefined)).resolves.toBeNull();
    await expect(verifier.viewerFromAuthorization('Basic dXNlcjpwYXNz')).rejects.toMatchObject({
      extensions: { code: 'UNAUTHENTICATED' },
    });
  });
});
