import {
  metricValue,
  redisServerBinary,
  signTestToken,
  startPrivateRedis,
  subscribe,
  uniqueKeyPrefix,
  wsClient,
  type PrivateRedis,
} from '@techally/testing';
import { Redis } from 'ioredis';
import { startEdgeGateway, type EdgeGateway } from './support/edge-gateway';

// Issue #11, "Rate limits": floods are refused at the edge with 429 RATE_LIMITED and Retry-After, before any
// subgraph is asked. Clients are told apart by X-Forwarded-For with GATEWAY_TRUSTED_PROXIES=1: the test plays the
// load balancer that appends the address it saw (every request here comes from 127.0.0.1 itself).

const LISTING = '{ products(first: 1) { edges { node { id name } } } }';
const logIn = (email: string) => `mutation { logIn(email: "${email}", password: "wrong-password") { accessToken } }`;

interface Answer {
  readonly status: number;
  readonly retryAfter: string | null;
  readonly text: string;
  readonly body: { errors?: Array<{ message: string; extensions?: Record<string, unknown> }> };
}

async function send(url: string, query: string, headers: Record<string, string> = {}): Promise<Answer> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query }) });
  const text = await response.text();
  return { status: response.status, retryAfter: response.headers.get('retry-after'), text, body: JSON.parse(text) as Answer['body'] };
}

const from = (client: string, extra: Record<string, string> = {}) => ({ 'x-forwarded-for': client, ...extra });
const isLimited = (answer: Answer) => answer.body.errors?.[0]?.extensions?.['code'] === 'RATE_LIMITED';

/** The contract of every refusal: 429, Retry-After, RATE_LIMITED with the same delay, a clear message, nothing internal. */
function expectRefused(answer: Answer, message: RegExp, windowSeconds = 60): void {
  expect(answer.status).toBe(429);
  const retryAfter = Number(answer.retryAfter);
  expect(Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= windowSeconds).toBe(true);
  expect(answer.body.errors).toHaveLength(1);
  const [error] = answer.body.errors!;
  expect(error!.extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: retryAfter });
  expect(error!.message).toMatch(message);
  expect(error!.message).toContain(`Retry after ${retryAfter} s.`);
  expect(answer.text).not.toMatch(/stacktrace|\n\s+at |http:\/\/127\.0\.0\.1|"http"/);
}

describe('rate limits at the edge (memory counters, as in the embedded start)', () => {
  let edge: EdgeGateway;
  beforeAll(async () => {
    edge = await startEdgeGateway({
      env: {
        GATEWAY_TRUSTED_PROXIES: '1',
        GATEWAY_RATE_LIMIT_ANONYMOUS: '5',
        GATEWAY_RATE_LIMIT_USER: '5',
        GATEWAY_RATE_LIMIT_CREDENTIALS: '3',
      },
    });
  });
  afterAll(() => edge?.stop());

  const token = (userId: string) => signTestToken(edge.signingKey, { sub: userId, issuer: edge.issuer, audience: edge.audience });

  const cases: ReadonlyArray<{
    name: string;
    /** Requests that spend the budget: each is admitted and reaches a subgraph. */
    spend: () => Promise<ReadonlyArray<[query: string, headers: Record<string, string>]>>;
    refused: () => Promise<[query: string, headers: Record<string, string>]>;
    message: RegExp;
  }> = [
    {
      name: 'an anonymous flood from one client',
      spend: async () => Array.from({ length: 5 }, () => [LISTING, from('198.51.100.1')]),
      refused: async () => [LISTING, from('198.51.100.1')],
      message: /^Rate limit reached: this client address \(anonymous requests; .*\) may spend 5 points per 60 s \(an expensive query spends more than one\)\./,
    },
    {
      name: 'a credential flood: one account after another from one client',
      spend: async () => Array.from({ length: 3 }, (_, index) => [logIn(`victim${index}@example.com`), from('198.51.100.2')]),
      refused: async () => [logIn('victim3@example.com'), from('198.51.100.2')],
      message: /^Rate limit reached: this client address for logIn, signUp and refreshSession .* may spend 3 requests per 60 s\./,
    },
    {
      name: 'more guesses in one request (aliased logIn fields) than the credential budget',
      spend: async () => [],
      refused: async () => [
        `mutation { ${[0, 1, 2, 3].map((index) => `g${index}: logIn(email: "v${index}@example.com", password: "x") { accessToken }`).join(' ')} }`,
        from('198.51.100.3'),
      ],
      message: /logIn, signUp and refreshSession .* 3 requests per 60 s/,
    },
    {
      name: 'a signed-in user’s flood',
      spend: async () => {
        const headers = from('198.51.100.4', { authorization: `Bearer ${await token('user-flood')}` });
        return Array.from({ length: 5 }, () => [LISTING, headers] as [string, Record<string, string>]);
      },
      refused: async () => [LISTING, from('198.51.100.5', { authorization: `Bearer ${await token('user-flood')}` })],
      message: /^Rate limit reached: your account may spend 5 points per 60 s/,
    },
    {
      name: 'a flood that forges a new client address in X-Forwarded-For for each request',
      spend: async () => Array.from({ length: 5 }, (_, index) => [LISTING, from(`10.9.9.${index}, 198.51.100.6`)]),
      refused: async () => [LISTING, from('10.9.9.99, 198.51.100.6')],
      message: /this client address .* may spend 5 points per 60 s/,
    },
  ];

  it.each(cases)('$name: refused with 429 RATE_LIMITED and Retry-After, no subgraph asked', async ({ spend, refused, message }) => {
    for (const [query, headers] of await spend()) {
      edge.resetCounts();
      const answer = await send(edge.url, query, headers);
      expect(isLimited(answer)).toBe(false);
      expect(edge.subgraphRequests()).toBe(1);
    }
    edge.resetCounts();
    const [query, headers] = await refused();
    expectRefused(await send(edge.url, query, headers), message);
    for (let index = 0; index < 10; index++) expect((await send(edge.url, query, headers)).status).toBe(429);
    expect(edge.subgraphRequests()).toBe(0);
  });

  it('refuses 27 of 30 wrong passwords against 30 accounts from one client, while another client still logs in', async () => {
    edge.resetCounts();
    const answers: Answer[] = [];
    for (let index = 0; index < 30; index++) answers.push(await send(edge.url, logIn(`account${index}@example.com`), from('203.0.113.10')));
    expect(answers.filter(isLimited)).toHaveLength(27);
    expect(answers.slice(3).every(isLimited)).toBe(true);
    expect(edge.requestsTo('users')).toHaveLength(3);

    const other = await send(edge.url, logIn('account0@example.com'), from('203.0.113.11'));
    expect(isLimited(other)).toBe(false);
    expect(edge.requestsTo('users')).toHaveLength(4);
    // The flooding client's other requests have their own budget.
    expect(isLimited(await send(edge.url, LISTING, from('203.0.113.10')))).toBe(false);
  });

  it('keeps each signed-in user’s budget apart, and apart from the anonymous budget of the same address', async () => {
    const alice = from('203.0.113.20', { authorization: `Bearer ${await token('alice')}` });
    const bob = from('203.0.113.20', { authorization: `Bearer ${await token('bob')}` });
    for (let index = 0; index < 5; index++) expect(isLimited(await send(edge.url, LISTING, alice))).toBe(false);
    expect(isLimited(await send(edge.url, LISTING, alice))).toBe(true);
    edge.resetCounts();
    for (let index = 0; index < 5; index++) expect(isLimited(await send(edge.url, LISTING, bob))).toBe(false);
    expect(isLimited(await send(edge.url, LISTING, from('203.0.113.20')))).toBe(false);
    expect(edge.subgraphRequests()).toBe(6);
  });

  it('charges each subscribe over WebSocket to the same budget, and ends the one over it with RATE_LIMITED', async () => {
    // No X-Forwarded-For on these upgrades: the client is the socket's address, 127.0.0.1, which nothing else here spends.
    const client = wsClient(edge.url);
    const stock = 'subscription { stockChanged(productIds: ["00000000-0000-4000-8000-000000000001"]) { available } }';
    try {
      for (let index = 0; index < 5; index++) {
        const admitted = subscribe(client, stock);
        await admitted.ended; // the stand-in subgraph drops the upstream socket: SERVICE_UNAVAILABLE
        expect(JSON.stringify(admitted.results)).not.toContain('RATE_LIMITED');
      }
      edge.resetCounts();
      const refused = subscribe(client, stock);
      expect(await refused.ended).toEqual({ completed: true });
      const [error] = refused.results[0]!.errors!;
      expect(error!.extensions).toMatchObject({ code: 'RATE_LIMITED', budget: 'anonymous' });
      expect(error!.extensions!['retryAfterSeconds']).toBeGreaterThanOrEqual(1);
      expect(error!.message).toMatch(/^Rate limit reached: this client address .* Retry after \d+ s\.$/);
      expect(JSON.stringify(refused.results)).not.toMatch(/stacktrace|"http"/);
      expect(edge.subgraphRequests()).toBe(0);
    } finally {
      await client.dispose();
    }
  });

  it('counts refusals per budget on /metrics', async () => {
    const metricsUrl = edge.gateway.metricsUrl!;
    const before = await metricValue(metricsUrl, 'gateway_rate_limit_refusals_total', 'budget="anonymous"');
    for (let index = 0; index < 7; index++) await send(edge.url, LISTING, from('203.0.113.30'));
    expect(await metricValue(metricsUrl, 'gateway_rate_limit_refusals_total', 'budget="anonymous"')).toBe(before + 2);
    expect(await (await fetch(metricsUrl)).text()).toMatch(/gateway_rate_limit_refusals_total\{[^}]*budget="partner-premium"[^}]*\} 0/);
  });
});

describe('rate limits with no trusted proxy (GATEWAY_TRUSTED_PROXIES=0, the default)', () => {
  let edge: EdgeGateway;
  beforeAll(async () => {
    edge = await startEdgeGateway({ env: { GATEWAY_RATE_LIMIT_ANONYMOUS: '2' } });
  });
  afterAll(() => edge?.stop());

  it('charge the socket’s address, whatever X-Forwarded-For claims', async () => {
    expect(isLimited(await send(edge.url, LISTING, from('198.51.100.100')))).toBe(false);
    expect(isLimited(await send(edge.url, LISTING, from('198.51.100.101')))).toBe(false);
    edge.resetCounts();
    expectRefused(await send(edge.url, LISTING, from('198.51.100.102')), /this client address/);
    expect(edge.subgraphRequests()).toBe(0);
  });
});

const redisServer = redisServerBinary();
const describeWithRedisServer = redisServer ? describe : describe.skip;
if (!redisServer) console.warn('bad-input.rate-limits: redis-server is not on PATH; the Redis outage suite is skipped');

describeWithRedisServer('rate limits in Redis, shared by two gateways, with Redis stopped mid-run', () => {
  let redis: PrivateRedis;
  let first: EdgeGateway;
  let second: EdgeGateway;
  let inspector: Redis;
  const prefix = uniqueKeyPrefix('bad-input.rate-limits');
  let nextClient = 0;
  const newClient = () => `192.0.2.${++nextClient}`;

  beforeAll(async () => {
    redis = await startPrivateRedis();
    const env = { REDIS_URL: redis.url, GATEWAY_RATE_LIMIT_KEY_PREFIX: prefix, GATEWAY_TRUSTED_PROXIES: '1', GATEWAY_RATE_LIMIT_ANONYMOUS: '3' };
    first = await startEdgeGateway({ env });
    second = await startEdgeGateway({ env });
    inspector = new Redis(redis.url, { maxRetriesPerRequest: 1, retryStrategy: () => 50 });
    inspector.on('error', () => undefined);
  });
  afterAll(async () => {
    inspector?.disconnect();
    await first?.stop();
    await second?.stop();
    await redis?.stop();
  });

  /** How many of `count` requests from `client` to `edge` are admitted. */
  async function admitted(edge: EdgeGateway, client: string, count: number): Promise<number> {
    let passed = 0;
    for (let index = 0; index < count; index++) if (!isLimited(await send(edge.url, LISTING, from(client)))) passed += 1;
    return passed;
  }

  /** Until `edge` counts in Redis again: each probe is a fresh client, whose counter appears in Redis once it does. */
  async function untilCountingInRedis(edge: EdgeGateway): Promise<void> {
    for (let attempt = 0; attempt < 400; attempt++) {
      const client = newClient();
      await send(edge.url, LISTING, from(client));
      if ((await inspector.exists(`${prefix}:anonymous:${client}`).catch(() => 0)) === 1) return;
      await new Promise((resolve) => setImmediate(resolve));
    }
    throw new Error('the gateway never counted in Redis again');
  }

  it('share one budget between gateways while Redis is up', async () => {
    const client = newClient();
    expect(await admitted(first, client, 2)).toBe(2);
    expect(await admitted(second, client, 3)).toBe(1);
    expect(await admitted(first, client, 1)).toBe(0);
  });

  it('still limit — per process, never unlimited, never refusing everyone — while Redis is down', async () => {
    await redis.stop();
    const metricsUrl = first.gateway.metricsUrl!;
    const localBefore = await metricValue(metricsUrl, 'gateway_rate_limit_local_decisions_total', 'budget="anonymous"');
    const client = newClient();
    first.resetCounts();
    second.resetCounts();
    expect(await admitted(first, client, 6)).toBe(3);
    expect(await admitted(second, client, 6)).toBe(3);
    expect(first.subgraphRequests()).toBe(3);
    expect(second.subgraphRequests()).toBe(3);
    // Another client is not caught by the first's refusals.
    expect(await admitted(first, newClient(), 1)).toBe(1);
    expect(await metricValue(metricsUrl, 'gateway_rate_limit_local_decisions_total', 'budget="anonymous"')).toBeGreaterThanOrEqual(localBefore + 7);
  });

  it('share the budget again once Redis is back', async () => {
    await redis.start();
    await untilCountingInRedis(first);
    await untilCountingInRedis(second);
    const client = newClient();
    expect(await admitted(first, client, 2)).toBe(2);
    expect(await admitted(second, client, 3)).toBe(1);
    // 2 + 2 in Redis: after its first refusal, the second gateway remembers the block and asks Redis no more.
    expect(await inspector.get(`${prefix}:anonymous:${client}`)).toBe('4');
  });
});
