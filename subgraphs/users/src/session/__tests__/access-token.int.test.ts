import { createAccessTokenVerifier } from '@techally/platform';
import {
  createTestSigningKey,
  errorCodes,
  postGraphQL,
  signTestToken,
  unsignedToken,
  type TestSigningKey,
} from '@techally/testing';
import { decodeJwt, decodeProtectedHeader, exportPKCS8 } from 'jose';
import { ME, signUpCustomer, startUsers, type RunningUsers, type Session } from '../../__tests__/users.harness';

const ISSUER = 'https://users.test/issuer';
const AUDIENCE = 'techally-test-graph';

let users: RunningUsers;
/** The subgraph's own signing key (given to it as JWT_SIGNING_KEY), to forge tokens that differ in one respect. */
let ownKey: TestSigningKey;
let customer: Session;

beforeAll(async () => {
  const generated = await createTestSigningKey();
  users = await startUsers({
    JWT_SIGNING_KEY: await exportPKCS8(generated.privateKey),
    JWT_ISSUER: ISSUER,
    JWT_AUDIENCE: AUDIENCE,
    ACCESS_TOKEN_TTL_SECONDS: '900',
  });
  ownKey = { ...generated, kid: users.app.jwks.keys[0]!.kid! };
  customer = await signUpCustomer(users);
});

afterAll(async () => {
  await users?.stop();
});

const claims = () => ({ sub: customer.user.id, issuer: ISSUER, audience: AUDIENCE });

describe('access tokens', () => {
  it('are ES256 JWTs with iss, aud, sub, roles, iat, exp (15 minutes), jti and the key id', async () => {
    const header = decodeProtectedHeader(customer.accessToken);
    const payload = decodeJwt(customer.accessToken);
    expect(header).toEqual({ alg: 'ES256', typ: 'JWT', kid: ownKey.kid });
    expect(payload).toMatchObject({ iss: ISSUER, aud: AUDIENCE, sub: customer.user.id, roles: ['CUSTOMER'] });
    expect(payload.exp! - payload.iat!).toBe(900);
    expect(payload.jti).toEqual(expect.any(String));
  });

  it('are accepted when signed with the subgraph\'s key', async () => {
    const token = await signTestToken(ownKey, claims());
    expect((await users.gql(ME, {}, token)).data!.me.id).toBe(customer.user.id);
  });

  it.each([
    ['malformed', async () => 'not-a-jwt'],
    ['expired', async () => signTestToken(ownKey, { ...claims(), expiresIn: -60 })],
    ['unsigned (alg: none)', async () => unsignedToken({ sub: customer.user.id, iss: ISSUER, aud: AUDIENCE, roles: ['ADMIN'] })],
    ['for another audience', async () => signTestToken(ownKey, { ...claims(), audience: 'another-graph' })],
    ['from another issuer', async () => signTestToken(ownKey, { ...claims(), issuer: 'https://elsewhere.test' })],
    ['signed by another key claiming our kid', async () => signTestToken({ ...(await createTestSigningKey()), kid: ownKey.kid }, claims())],
    ['signed by another key', async () => signTestToken(await createTestSigningKey('foreign'), claims())],
  ])('make `me` fail with UNAUTHENTICATED when %s', async (_case, makeToken) => {
    const response = await users.gql(ME, {}, await makeToken());
    expect(errorCodes(response)).toEqual(['UNAUTHENTICATED']);
  });

  it('are refused in an Authorization header that is not "Bearer <token>"', async () => {
    const response = await postGraphQL(users.url, ME, {}, { authorization: `Basic ${customer.accessToken}` });
    expect(errorCodes(response)).toEqual(['UNAUTHENTICATED']);
  });

  it('are optional: without one, `me` is null', async () => {
    expect((await users.gql(ME)).data).toEqual({ me: null });
  });
});

describe('the JWKS route', () => {
  it('serves the public key, and a token verifies against it with the platform verifier', async () => {
    const response = await fetch(`${users.baseUrl}/.well-known/jwks.json`);
    expect(response.status).toBe(200);
    const jwks = (await response.json()) as { keys: Array<Record<string, unknown>> };
    expect(jwks.keys).toEqual([expect.objectContaining({ kty: 'EC', crv: 'P-256', alg: 'ES256', use: 'sig', kid: ownKey.kid })]);
    expect(jwks.keys[0]).not.toHaveProperty('d');

    const verifier = createAccessTokenVerifier({
      keys: new URL(`${users.baseUrl}/.well-known/jwks.json`),
      issuer: ISSUER,
      audience: AUDIENCE,
    });
    await expect(verifier.verify(customer.accessToken)).resolves.toEqual({ userId: customer.user.id, roles: ['CUSTOMER'] });
  });

  it('answers only GET and HEAD', async () => {
    const response = await fetch(`${users.baseUrl}/.well-known/jwks.json`, { method: 'POST' });
    expect(response.status).toBe(405);
  });
});
