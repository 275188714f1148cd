import { createLocalJWKSet, SignJWT, type JWTVerifyGetKey } from 'jose';
import { createTestSigningKey, signTestToken, unsignedToken, type TestSigningKey } from '@techally/testing';
import { createAccessTokenVerifier, VERIFIED_TOKEN_MEMO_MS, type AccessTokenVerifier } from '../jwt-verifier';

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

describe('a verified token remembered', () => {
  /** A verifier on a clock the test moves, counting how often it had to look a signing key up (one per verification). */
  function countingVerifier(start: number) {
    const local = createLocalJWKSet({ keys: [key.publicJwk] });
    const clock = { now: start, keyLookups: 0 };
    const counting: JWTVerifyGetKey = (header, token) => {
      clock.keyLookups += 1;
      return local(header, token);
    };
    return { clock, verifier: createAccessTokenVerifier({ keys: counting, issuer: ISSUER, audience: AUDIENCE, now: () => clock.now }) };
  }

  it('is answered without verifying again for a minute, then verified again, and never accepted past its expiry', async () => {
    const start = Date.now();
    const { clock, verifier: remembering } = countingVerifier(start);
    const token = await signTestToken(key, { ...claims, expiresIn: 90 });
    const viewer = { userId: 'user-1', roles: ['CUSTOMER'] };

    await expect(remembering.verify(token)).resolves.toEqual(viewer);
    clock.now = start + VERIFIED_TOKEN_MEMO_MS - 1;
    await expect(remembering.verify(token)).resolves.toEqual(viewer);
    expect(clock.keyLookups).toBe(1);

    clock.now = start + VERIFIED_TOKEN_MEMO_MS;
    await expect(remembering.verify(token)).resolves.toEqual(viewer);
    expect(clock.keyLookups).toBe(2);

    // Remembered again at +60 s, but the token expires at +90 s: refused from then on, memo or not.
    clock.now = start + 91_000;
    await expect(remembering.verify(token)).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' }, message: expect.stringMatching(/expired/) });
  });

  it('is never a refusal: a token that failed is verified (and refused) every time', async () => {
    const { clock, verifier: remembering } = countingVerifier(Date.now());
    const forged = await signTestToken(await createTestSigningKey(key.kid), claims);
    for (let attempt = 0; attempt < 2; attempt++) {
      await expect(remembering.verify(forged)).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    }
    expect(clock.keyLookups).toBe(2);
  });
});
