import { API_KEY_LOOKUP_PATH, hashApiKey, isWellFormedApiKey, memoryRevocations } from '@techally/platform';
import { errorCodes, type GraphQLResponse } from '@techally/testing';
import { LOG_IN, signUpCustomer, startUsers, type RunningUsers, type Session } from '../../__tests__/users.harness';

const ADMIN = { email: 'keys-admin@example.com', password: 'admin-passphrase-for-tests' };
const DAY = 86_400_000;

const CREATE = `mutation Create($input: CreateApiKeyInput!) {
  createApiKey(input: $input) { secret apiKey { id name prefix tier status expiresAt createdAt rotatedAt revokedAt lastUsedAt owner { id name } } }
}`;
const LIST = `query Keys($first: Int, $after: String) {
  apiKeys(first: $first, after: $after) {
    totalCount
    edges { cursor node { id name prefix status } }
    pageInfo { hasNextPage endCursor }
  }
}`;
const ROTATE = 'mutation Rotate($id: ID!) { rotateApiKey(id: $id) { secret apiKey { id prefix rotatedAt status } } }';
const REVOKE = 'mutation Revoke($id: ID!) { revokeApiKey(id: $id) { id status revokedAt } }';

const revocations = memoryRevocations();
const revoked: string[] = [];
let users: RunningUsers;
let admin: Session;
let partner: Session;

beforeAll(async () => {
  await revocations.listen({ onRevoked: (keyId) => revoked.push(keyId), onGap: () => undefined });
  users = await startUsers({ ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password }, { apiKeyRevocations: revocations });
  admin = (await users.gql(LOG_IN, ADMIN)).data!.logIn;
  partner = await signUpCustomer(users, 'Partner Contact');
});

afterAll(async () => {
  await users?.stop();
});

function inDays(days: number): string {
  return new Date(users.clock.now().getTime() + days * DAY).toISOString();
}

async function createKey(name = 'Acme storefront', overrides: Record<string, unknown> = {}) {
  const response = await users.gql(
    CREATE,
    { input: { name, ownerId: partner.user.id, tier: 'STANDARD', expiresAt: inDays(90), ...overrides } },
    admin.accessToken,
  );
  expect(response.errors).toBeUndefined();
  return response.data!.createApiKey as { secret: string; apiKey: { id: string; prefix: string; [field: string]: unknown } };
}

async function rowsOf(id: string): Promise<Array<Record<string, unknown>>> {
  return users.app.orm.em.fork().getConnection().execute('select * from "users"."api_key" where id = ?', [id]);
}

async function lookUp(secret: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${users.baseUrl}${API_KEY_LOOKUP_PATH}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ keyHash: hashApiKey(secret) }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('an administrator creating a key', () => {
  it('answers the record and its secret, a well-formed key with a visible prefix', async () => {
    const { secret, apiKey } = await createKey();
    expect(isWellFormedApiKey(secret)).toBe(true);
    expect(secret.startsWith(apiKey.prefix)).toBe(true);
    expect(apiKey.prefix).toMatch(/^tak_live_[A-Za-z0-9_-]{6}$/);
    expect(apiKey).toMatchObject({
      name: 'Acme storefront',
      tier: 'STANDARD',
      status: 'ACTIVE',
      rotatedAt: null,
      revokedAt: null,
      lastUsedAt: null,
      owner: { id: partner.user.id, name: 'Partner Contact' },
    });
  });

  it('stores only the SHA-256 of the secret, never the secret', async () => {
    const { secret, apiKey } = await createKey('Hash only');
    const [row] = await rowsOf(apiKey.id);
    expect(row).toMatchObject({ key_hash: hashApiKey(secret), prefix: apiKey.prefix, tier: 'standard' });
    expect(JSON.stringify(row)).not.toContain(secret);
    expect(JSON.stringify(row)).not.toContain(secret.slice(apiKey.prefix.length));
  });

  it('never shows the secret again: the list has no secret field and no key hash', async () => {
    const { secret, apiKey } = await createKey('Listed once');
    const missing = await users.gql('{ apiKeys { edges { node { secret } } } }', {}, admin.accessToken);
    expect(errorCodes(missing)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    const hash = await users.gql('{ apiKeys { edges { node { keyHash } } } }', {}, admin.accessToken);
    expect(errorCodes(hash)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    const list = await users.gql(LIST, { first: 100 }, admin.accessToken);
    expect(list.errors).toBeUndefined();
    expect(JSON.stringify(list.data)).not.toContain(secret);
    expect(list.data!.apiKeys.edges.map((edge: { node: { id: string } }) => edge.node.id)).toContain(apiKey.id);
  });

  it.each([
    ['an empty name', { name: '   ' }, 'name'],
    ['a name with a bidirectional override', { name: 'Acme\u202Egnp.exe' }, 'name'],
    ['an unknown owner', { ownerId: '6f1c1f0e-8a4b-4c53-9a38-2f5d6a1bffff' }, 'ownerId'],
    ['an owner id that is not a UUID', { ownerId: 'not-a-uuid' }, 'ownerId'],
    ['an expiry in the past', { expiresAt: '2020-01-01T00:00:00.000Z' }, 'expiresAt'],
    ['an expiry more than 366 days ahead', { expiresAt: 'FAR' }, 'expiresAt'],
  ])('refuses %s with BAD_USER_INPUT naming the field, and writes nothing', async (_case, overrides, field) => {
    const input: Record<string, unknown> = { name: 'Refused', ownerId: partner.user.id, tier: 'BASIC', expiresAt: inDays(30), ...overrides };
    if (input['expiresAt'] === 'FAR') input['expiresAt'] = inDays(367);
    const before = await users.gql(LIST, { first: 1 }, admin.accessToken);
    const response = await users.gql(CREATE, { input }, admin.accessToken);
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors![0]!.extensions).toMatchObject({ field });
    expect(response.errors![0]!.extensions).not.toHaveProperty('stacktrace');
    const after = await users.gql(LIST, { first: 1 }, admin.accessToken);
    expect(after.data!.apiKeys.totalCount).toBe(before.data!.apiKeys.totalCount);
  });

  it('refuses a tier that is not one of the enum (GraphQL validation)', async () => {
    const response = await users.gql(CREATE, { input: { name: 'x', ownerId: partner.user.id, tier: 'PLATINUM', expiresAt: inDays(1) } }, admin.accessToken);
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
  });
});

describe('who may manage keys', () => {
  const operations: Array<[string, string, () => Record<string, unknown>]> = [
    ['apiKeys', LIST, () => ({})],
    ['createApiKey', CREATE, () => ({ input: { name: 'Mine', ownerId: partner.user.id, tier: 'PREMIUM', expiresAt: inDays(10) } })],
    ['rotateApiKey', ROTATE, () => ({ id: '6f1c1f0e-8a4b-4c53-9a38-2f5d6a1b0001' })],
    ['revokeApiKey', REVOKE, () => ({ id: '6f1c1f0e-8a4b-4c53-9a38-2f5d6a1b0001' })],
  ];

  it.each(operations)('refuses %s to a customer with FORBIDDEN', async (_name, query, variables) => {
    const response = await users.gql(query, variables(), partner.accessToken);
    expect(errorCodes(response)).toEqual(['FORBIDDEN']);
  });

  it.each(operations)('refuses %s to an anonymous caller with UNAUTHENTICATED', async (_name, query, variables) => {
    const response = await users.gql(query, variables());
    expect(errorCodes(response)).toEqual(['UNAUTHENTICATED']);
  });
});

describe('listing keys', () => {
  it('pages through every key with first and after, each exactly once', async () => {
    for (const name of ['Page 1', 'Page 2', 'Page 3']) await createKey(name);
    const total = (await users.gql(LIST, { first: 1 }, admin.accessToken)).data!.apiKeys.totalCount as number;
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const response: GraphQLResponse = await users.gql(LIST, { first: 2, after }, admin.accessToken);
      const page = response.data!['apiKeys'] as { edges: Array<{ node: { id: string } }>; pageInfo: { hasNextPage: boolean; endCursor: string } };
      seen.push(...page.edges.map((edge) => edge.node.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
  });

  it('refuses a cursor it did not issue with BAD_USER_INPUT', async () => {
    const response = await users.gql(LIST, { after: 'bm9wZQ' }, admin.accessToken);
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
  });
});

describe('rotating a key', () => {
  it('gives a new secret, the old one unknown at once, and announces it to the gateways', async () => {
    const { secret: oldSecret, apiKey } = await createKey('Rotated');
    revoked.length = 0;
    const response = await users.gql(ROTATE, { id: apiKey.id }, admin.accessToken);
    expect(response.errors).toBeUndefined();
    const rotated = response.data!.rotateApiKey;
    expect(rotated.secret).not.toBe(oldSecret);
    expect(isWellFormedApiKey(rotated.secret)).toBe(true);
    expect(rotated.apiKey).toMatchObject({ id: apiKey.id, status: 'ACTIVE' });
    expect(rotated.apiKey.rotatedAt).not.toBeNull();
    expect(revoked).toEqual([apiKey.id]);

    expect((await lookUp(oldSecret)).body).toEqual({ status: 'unknown' });
    expect((await lookUp(rotated.secret)).body).toMatchObject({ status: 'active', key: { id: apiKey.id } });
    const [row] = await rowsOf(apiKey.id);
    expect(row!['key_hash']).toBe(hashApiKey(rotated.secret));
  });

  it('answers NOT_FOUND for an unknown id (and for one that is not a UUID)', async () => {
    for (const id of ['6f1c1f0e-8a4b-4c53-9a38-2f5d6a1bffff', 'nope']) {
      expect(errorCodes(await users.gql(ROTATE, { id }, admin.accessToken))).toEqual(['NOT_FOUND']);
    }
  });

  it('refuses to rotate a revoked key, and changes nothing', async () => {
    const { apiKey } = await createKey('Revoked then rotated');
    await users.gql(REVOKE, { id: apiKey.id }, admin.accessToken);
    const [before] = await rowsOf(apiKey.id);
    const response = await users.gql(ROTATE, { id: apiKey.id }, admin.accessToken);
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(await rowsOf(apiKey.id)).toEqual([before]);
  });
});

describe('revoking a key', () => {
  it('marks it revoked, the lookup no longer knows it, and every gateway is told', async () => {
    const { secret, apiKey } = await createKey('Revoked');
    expect((await lookUp(secret)).body).toMatchObject({ status: 'active' });
    revoked.length = 0;
    const response = await users.gql(REVOKE, { id: apiKey.id }, admin.accessToken);
    expect(response.errors).toBeUndefined();
    expect(response.data!.revokeApiKey).toMatchObject({ id: apiKey.id, status: 'REVOKED' });
    expect(revoked).toEqual([apiKey.id]);
    expect((await lookUp(secret)).body).toEqual({ status: 'unknown' });
  });

  it('is idempotent: a second revocation keeps the first time', async () => {
    const { apiKey } = await createKey('Twice revoked');
    const first = (await users.gql(REVOKE, { id: apiKey.id }, admin.accessToken)).data!.revokeApiKey;
    users.clock.advance(1_000);
    const second = (await users.gql(REVOKE, { id: apiKey.id }, admin.accessToken)).data!.revokeApiKey;
    expect(second.revokedAt).toBe(first.revokedAt);
  });

  it('answers NOT_FOUND for an unknown id', async () => {
    const response = await users.gql(REVOKE, { id: '6f1c1f0e-8a4b-4c53-9a38-2f5d6a1bffff' }, admin.accessToken);
    expect(errorCodes(response)).toEqual(['NOT_FOUND']);
  });
});

describe('the gateway\'s lookup route', () => {
  it('answers an active key with what the gateway needs, and notes when it was used', async () => {
    const { secret, apiKey } = await createKey('Looked up', { tier: 'PREMIUM' });
    const { status, body } = await lookUp(secret);
    expect(status).toBe(200);
    expect(body).toEqual({
      status: 'active',
      key: { id: apiKey.id, name: 'Looked up', ownerId: partner.user.id, tier: 'premium', expiresAt: apiKey['expiresAt'] },
    });
    const [row] = await rowsOf(apiKey.id);
    expect(row!['last_used_at']).not.toBeNull();
  });

  it('tells an expired key apart (and only that)', async () => {
    const { secret } = await createKey('Expiring', { expiresAt: inDays(1) });
    users.clock.advance(2 * DAY);
    try {
      expect((await lookUp(secret)).body).toEqual({ status: 'expired' });
    } finally {
      users.clock.advance(-2 * DAY);
    }
  });

  it('answers unknown for a key never issued', async () => {
    expect((await lookUp('tak_live_made-up')).body).toEqual({ status: 'unknown' });
  });

  it('refuses what is not a lookup: GET, a malformed hash', async () => {
    const url = `${users.baseUrl}${API_KEY_LOOKUP_PATH}`;
    expect((await fetch(url)).status).toBe(405);
    const malformed = await fetch(url, { method: 'POST', body: JSON.stringify({ keyHash: 'x' }) });
    expect(malformed.status).toBe(400);
  });
});

describe('the lookup route with API_KEY_LOOKUP_SECRET', () => {
  let guarded: RunningUsers;
  const secret = 'a-shared-secret-of-at-least-32-characters';
  beforeAll(async () => {
    guarded = await startUsers({ API_KEY_LOOKUP_SECRET: secret });
  });
  afterAll(() => guarded?.stop());

  it.each([
    ['no secret', {}],
    ['a wrong secret', { authorization: 'Bearer a-wrong-secret-of-at-least-32-characters' }],
  ])('refuses a caller presenting %s with 401', async (_case, headers: Record<string, string>) => {
    const response = await fetch(`${guarded.baseUrl}${API_KEY_LOOKUP_PATH}`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ keyHash: hashApiKey('anything') }),
    });
    expect(response.status).toBe(401);
    expect(await response.text()).not.toContain(secret);
  });

  it('answers the caller presenting it', async () => {
    const response = await fetch(`${guarded.baseUrl}${API_KEY_LOOKUP_PATH}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${secret}` },
      body: JSON.stringify({ keyHash: hashApiKey('anything') }),
    });
    expect(await response.json()).toEqual({ status: 'unknown' });
  });
});
