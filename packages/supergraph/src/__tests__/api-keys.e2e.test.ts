import { postGraphQL, bearer, errorCodes } from '@techally/testing';
import { startTestSupergraph, TEST_ADMIN, type TestSupergraph } from './support/test-supergraph';

// Issue #11 end to end: an administrator manages partner keys through the gateway, and the gateway checks
// them against the real users subgraph — a revoked or rotated secret is refused on the very next request.
const LOG_IN = 'mutation($email: String!, $password: String!) { logIn(email: $email, password: $password) { accessToken user { id } } }';
const CREATE = `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret apiKey { id prefix status } } }`;
const ROTATE = 'mutation($id: ID!) { rotateApiKey(id: $id) { secret } }';
const REVOKE = 'mutation($id: ID!) { revokeApiKey(id: $id) { status } }';
const CATALOGUE = '{ products(first: 2) { edges { node { id name } } } }';

let graph: TestSupergraph;
let adminToken: string;
let adminId: string;

beforeAll(async () => {
  graph = await startTestSupergraph();
  const session = await postGraphQL<{ logIn: { accessToken: string; user: { id: string } } }>(graph.gatewayUrl, LOG_IN, TEST_ADMIN);
  adminToken = session.data!.logIn.accessToken;
  adminId = session.data!.logIn.user.id;
}, 120_000);
afterAll(() => graph?.stop());

async function createKey(): Promise<{ id: string; secret: string }> {
  const expiresAt = new Date(Date.now() + 30 * 86_400_000).toISOString();
  const response = await postGraphQL<{ createApiKey: { secret: string; apiKey: { id: string } } }>(
    graph.gatewayUrl,
    CREATE,
    { input: { name: 'E2E partner', ownerId: adminId, tier: 'BASIC', expiresAt } },
    bearer(adminToken),
  );
  expect(response.errors).toBeUndefined();
  return { id: response.data!.createApiKey.apiKey.id, secret: response.data!.createApiKey.secret };
}

async function asPartner(secret: string) {
  const response = await fetch(graph.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': secret },
    body: JSON.stringify({ query: CATALOGUE }),
  });
  return { status: response.status, body: (await response.json()) as { data?: unknown; errors?: Array<{ message: string; extensions?: { code?: string } }> } };
}

describe('partner API keys through the gateway', () => {
  it('a new key reads the catalogue; revoked, it is refused on the next request', async () => {
    const key = await createKey();
    const before = await asPartner(key.secret);
    expect(before.status).toBe(200);
    expect(before.body.errors).toBeUndefined();
    await asPartner(key.secret); // cached now

    const revoked = await postGraphQL(graph.gatewayUrl, REVOKE, { id: key.id }, bearer(adminToken));
    expect(revoked.data).toEqual({ revokeApiKey: { status: 'REVOKED' } });
    const after = await asPartner(key.secret);
    expect(after.status).toBe(401);
    expect(after.body.errors?.map((error) => [error.extensions?.code, error.message])).toEqual([['UNAUTHENTICATED', 'Invalid or revoked API key.']]);
  });

  it('a rotated key: the old secret is refused at once, the new one works', async () => {
    const key = await createKey();
    expect((await asPartner(key.secret)).status).toBe(200);
    const rotated = await postGraphQL<{ rotateApiKey: { secret: string } }>(graph.gatewayUrl, ROTATE, { id: key.id }, bearer(adminToken));
    const fresh = rotated.data!.rotateApiKey.secret;
    expect((await asPartner(key.secret)).status).toBe(401);
    expect((await asPartner(fresh)).status).toBe(200);
  });

  it('only administrators manage keys, through the gateway too', async () => {
    const anonymous = await postGraphQL(graph.gatewayUrl, '{ apiKeys { totalCount } }');
    expect(errorCodes(anonymous)).toEqual(['UNAUTHENTICATED']);
  });
});
