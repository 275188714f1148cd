import { createApiKeyRevocations, createLogger, newApiKeySecret, type ApiKeyRevocations } from '@techally/platform';
import { deleteKeys, testRedisUrl, uniqueKeyPrefix } from '@techally/testing';
import { startEdgeGateway, type EdgeGateway } from './support/edge-gateway';
import type { StandInKey } from './support/stand-in-key-lookup';

// Issue #11: a partner's x-api-key is checked at the edge; a bad one is refused with 401 before any subgraph
// is called, with no detail beyond "invalid or revoked" / "expired", no stack trace and no internal URL.
const QUERY = '{ products(first: 1) { edges { node { id name } } } }';

interface Answer {
  readonly status: number;
  readonly body: { data?: unknown; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> };
  readonly text: string;
}

async function post(edge: EdgeGateway, headers: Record<string, string>): Promise<Answer> {
  const response = await fetch(edge.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query: QUERY }),
  });
  const text = await response.text();
  return { status: response.status, body: JSON.parse(text) as Answer['body'], text };
}

function expectCleanRefusal(answer: Answer, status: number, code: string, message: string): void {
  expect(answer.status).toBe(status);
  expect(answer.body.errors?.map((error) => error.extensions?.['code'])).toEqual([code]);
  expect(answer.body.errors?.[0]?.message).toBe(message);
  expect(answer.text).not.toMatch(/stacktrace|\bat .+\.(ts|js):\d+|https?:\/\/|127\.0\.0\.1|internal\/api-keys/);
}

describe('bad API keys at the edge', () => {
  let edge: EdgeGateway;
  let revoked: StandInKey;
  let expired: StandInKey;
  let valid: StandInKey;

  beforeAll(async () => {
    edge = await startEdgeGateway();
    valid = edge.keys.issue();
    revoked = edge.keys.issue();
    edge.keys.revoke(revoked);
    expired = edge.keys.issue({ expiresAt: new Date(Date.now() - 1_000) });
  });
  afterAll(() => edge?.stop());

  beforeEach(() => {
    edge.resetCounts();
    edge.keys.resetCounts();
    edge.keys.failing = false;
  });

  const INVALID = 'Invalid or revoked API key.';
  const cases: Array<[string, () => Record<string, string>, number, string, string, number]> = [
    // name, headers, status, code, message, lookups that reach the users service
    ['an unknown key', () => ({ 'x-api-key': newApiKeySecret() }), 401, 'UNAUTHENTICATED', INVALID, 1],
    ['a revoked key', () => ({ 'x-api-key': revoked.secret }), 401, 'UNAUTHENTICATED', INVALID, 1],
    ['an expired key', () => ({ 'x-api-key': expired.secret }), 401, 'UNAUTHENTICATED', 'The API key has expired; ask for a new one.', 1],
    ['a key with a wrong checksum', () => ({ 'x-api-key': `${valid.secret.slice(0, -1)}${valid.secret.endsWith('A') ? 'B' : 'A'}` }), 401, 'UNAUTHENTICATED', INVALID, 0],
    ['a made-up key', () => ({ 'x-api-key': 'sk_live_letmein' }), 401, 'UNAUTHENTICATED', INVALID, 0],
    ['an empty key', () => ({ 'x-api-key': '' }), 401, 'UNAUTHENTICATED', INVALID, 0],
    ['a 10 kB key', () => ({ 'x-api-key': 'x'.repeat(10_000) }), 401, 'UNAUTHENTICATED', INVALID, 0],
    [
      'a valid key with an access token',
      () => ({ 'x-api-key': valid.secret, authorization: 'Bearer some.token.here' }),
      401,
      'UNAUTHENTICATED',
      'Send either an API key (x-api-key) or an access token (Authorization), not both.',
      0,
    ],
  ];

  it.each(cases)('refuses %s', async (_name, headers, status, code, message, lookups) => {
    expectCleanRefusal(await post(edge, headers()), status, code, message);
    expect(edge.subgraphRequests()).toBe(0);
    expect(edge.keys.lookups()).toBe(lookups);
  });

  it('answers SERVICE_UNAVAILABLE (503) when the key cannot be checked, and calls no subgraph', async () => {
    edge.keys.failing = true;
    expectCleanRefusal(await post(edge, { 'x-api-key': edge.keys.issue().secret }), 503, 'SERVICE_UNAVAILABLE', 'API keys cannot be checked right now; try again shortly.');
    expect(edge.subgraphRequests()).toBe(0);
  });

  it('lets a valid key through, forwarding neither the key nor anything naming it to the subgraphs', async () => {
    const answer = await post(edge, { 'x-api-key': valid.secret });
    expect(answer.status).toBe(200);
    const [request] = edge.requestsTo('products');
    expect(request).toBeDefined();
    expect(request!.headers['x-api-key']).toBeUndefined();
    expect(request!.headers.authorization).toBeUndefined();
    expect(JSON.stringify(request)).not.toContain(valid.secret);
    // Only the hash travels to the users service's lookup, never the key.
    expect(JSON.stringify(edge.keys.lastHeaders())).not.toContain(valid.secret);
  });

  it('asks the users service about a flood of random keys no more than the cache allows', async () => {
    // Made-up keys fail the checksum: no lookup at all.
    await Promise.all(Array.from({ length: 100 }, (_, i) => post(edge, { 'x-api-key': `tak_live_${String(i).padStart(46, 'z')}` })));
    expect(edge.keys.lookups()).toBe(0);
    // Well-formed unknown keys: one lookup each, however often and however concurrently each is sent.
    const unknown = Array.from({ length: 10 }, () => newApiKeySecret());
    await Promise.all(unknown.flatMap((secret) => Array.from({ length: 5 }, () => post(edge, { 'x-api-key': secret }))));
    await Promise.all(unknown.map((secret) => post(edge, { 'x-api-key': secret })));
    expect(edge.keys.lookups()).toBe(10);
    expect(edge.subgraphRequests()).toBe(0);
  });
});

describe('a revoked key, refused at once by every gateway', () => {
  const redisUrl = testRedisUrl();
  const prefix = uniqueKeyPrefix('bad-input.api-keys');
  let first: EdgeGateway;
  let second: EdgeGateway;
  let publisher: ApiKeyRevocations;

  if (!redisUrl) process.stderr.write('SKIPPED: bad-input.api-keys across two gateways sharing Redis — REDIS_URL is not set\n');
  const withRedis = redisUrl ? it : it.skip;

  beforeAll(async () => {
    if (!redisUrl) return;
    // Two gateway processes' worth (each its own cache and its own Redis subscriber), one users service.
    const env = { REDIS_URL: redisUrl, EVENTS_KEY_PREFIX: prefix };
    first = await startEdgeGateway({ env });
    second = await startEdgeGateway({ env, keys: first.keys });
    // What the users subgraph does after committing a revocation or rotation.
    publisher = createApiKeyRevocations({ redisUrl, keyPrefix: prefix, logger: createLogger({ name: 'users', level: 'silent' }) });
  });
  afterAll(async () => {
    await second?.stop();
    await first?.stop();
    await publisher?.close();
    if (redisUrl) await deleteKeys(redisUrl, prefix);
  });

  withRedis('refuses the key in the other gateway on its next request, though both had it cached', async () => {
    const key = first.keys.issue({ tier: 'premium' });
    // Both gateways look the key up and listen for revocations from then on.
    expect((await post(first, { 'x-api-key': key.secret })).status).toBe(200);
    expect((await post(second, { 'x-api-key': key.secret })).status).toBe(200);
    first.keys.resetCounts();
    expect((await post(second, { 'x-api-key': key.secret })).status).toBe(200);
    expect(first.keys.lookups()).toBe(0); // cached

    first.keys.revoke(key);
    await publisher.publish(key.id);
    second.resetCounts();
    expectCleanRefusal(await post(second, { 'x-api-key': key.secret }), 401, 'UNAUTHENTICATED', 'Invalid or revoked API key.');
    expectCleanRefusal(await post(first, { 'x-api-key': key.secret }), 401, 'UNAUTHENTICATED', 'Invalid or revoked API key.');
    expect(second.subgraphRequests()).toBe(0);
  });
});
