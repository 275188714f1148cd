import { randomUUID } from 'node:crypto';
import { createTestSigningKey, signTestToken, unsignedToken } from '@techally/testing';
import { startEdgeGateway, type EdgeGateway } from './support/edge-gateway';

/**
 * The public edge's HTTP-level bad input (issue #11, "What it must show"): each case is refused with its own
 * status, a stable `extensions.code` and a message a client developer can act on, carries no stack trace and no
 * internal URL, and reaches no subgraph.
 */

const ALLOWED_ORIGIN = 'https://shop.example';
const PRODUCTS = '{ products(first: 1) { edges { node { id name } } } }';

interface Answer {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
}

interface BadInputCase {
  readonly name: string;
  readonly send: (edge: EdgeGateway) => Promise<Answer>;
  readonly status: number;
  /** `extensions.code` of the (only) error; null for an answer without a GraphQL body (none today). */
  readonly code: string;
  readonly message: RegExp;
  readonly headers?: Readonly<Record<string, string | null>>;
}

async function send(url: string, init: RequestInit): Promise<Answer> {
  const response = await fetch(url, init);
  return { status: response.status, headers: response.headers, text: await response.text() };
}

function postJson(edge: EdgeGateway, body: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  return send(edge.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
}

function bearer(token: string): Record<string, string> {
  return { authorization: `Bearer ${token}` };
}

const cases: ReadonlyArray<BadInputCase> = [
  {
    name: 'a JSON array batch (batching is off)',
    send: (edge) => postJson(edge, [{ query: PRODUCTS }, { query: PRODUCTS }]),
    status: 400,
    code: 'BAD_REQUEST',
    message: /batching/i,
  },
  {
    name: 'a mutation over GET',
    send: (edge) =>
      send(`${edge.url}?query=${encodeURIComponent('mutation { logOut(refreshToken: "stolen") }')}`, { headers: { 'apollo-require-preflight': 'true' } }),
    status: 405,
    code: 'BAD_REQUEST',
    message: /GET requests only support query operations/,
    headers: { allow: 'POST' },
  },
  {
    name: 'a text/plain POST without a preflight header (CSRF)',
    send: (edge) => send(edge.url, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: JSON.stringify({ query: PRODUCTS }) }),
    status: 400,
    code: 'BAD_REQUEST',
    message: /Cross-Site Request Forgery/,
  },
  {
    name: 'a 2 MB body',
    send: (edge) => postJson(edge, { query: PRODUCTS, variables: { filler: 'x'.repeat(2 * 1024 * 1024) } }),
    status: 413,
    code: 'BAD_REQUEST',
    message: /larger than \d+ bytes/,
  },
  {
    name: 'an unsigned token (alg: none)',
    send: async (edge) =>
      postJson(edge, { query: PRODUCTS }, bearer(unsignedToken({ sub: randomUUID(), roles: ['ADMIN'], iss: edge.issuer, aud: edge.audience }))),
    status: 401,
    code: 'UNAUTHENTICATED',
    message: /algorithm we do not accept/,
  },
  {
    name: 'a token for another audience',
    send: async (edge) =>
      postJson(edge, { query: PRODUCTS }, bearer(await signTestToken(edge.signingKey, { sub: randomUUID(), issuer: edge.issuer, audience: 'another-graph' }))),
    status: 401,
    code: 'UNAUTHENTICATED',
    message: /not valid here \(aud\)/,
  },
  {
    name: 'an expired token',
    send: async (edge) =>
      postJson(
        edge,
        { query: PRODUCTS },
        bearer(await signTestToken(edge.signingKey, { sub: randomUUID(), issuer: edge.issuer, audience: edge.audience, expiresIn: -60 })),
      ),
    status: 401,
    code: 'UNAUTHENTICATED',
    message: /expired/,
  },
  {
    name: 'a preflight from an origin not on the list',
    send: (edge) =>
      send(edge.url, {
        method: 'OPTIONS',
        headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
      }),
    status: 403,
    code: 'FORBIDDEN',
    message: /^Cross-origin requests from this origin are not allowed\.$/,
    headers: { 'access-control-allow-origin': null, 'access-control-allow-methods': null, 'access-control-allow-headers': null, vary: 'Origin' },
  },
];

/** What no refusal may carry: a stack frame, or an address of something behind the gateway. */
function expectNothingInternal(edge: EdgeGateway, text: string): void {
  expect(text).not.toMatch(/\bat .+\(.*:\d+:\d+\)|stacktrace|node_modules|\/src\//i);
  expect(text).not.toMatch(/https?:\/\/|127\.0\.0\.1|localhost/i);
  expect(text).not.toContain(new URL(edge.url).host);
}

describe('bad input at the HTTP level of the public edge', () => {
  let edge: EdgeGateway;
  beforeAll(async () => {
    edge = await startEdgeGateway({ env: { CORS_ORIGINS: ALLOWED_ORIGIN } });
  });
  afterAll(() => edge?.stop());
  beforeEach(() => edge.resetCounts());

  it.each(cases)('refuses $name with $status $code', async (badInput) => {
    const answer = await badInput.send(edge);

    expect(answer.status).toBe(badInput.status);
    const body = JSON.parse(answer.text) as { errors?: Array<{ message: string; extensions?: Record<string, unknown> }>; data?: unknown };
    expect(body.data ?? null).toBeNull();
    expect(body.errors).toHaveLength(1);
    expect(body.errors?.[0]?.extensions?.['code']).toBe(badInput.code);
    expect(body.errors?.[0]?.message).toMatch(badInput.message);
    for (const [name, value] of Object.entries(badInput.headers ?? {})) expect(answer.headers.get(name)).toBe(value);
    expectNothingInternal(edge, answer.text);
    expect(edge.subgraphRequests()).toBe(0);
  });

  it('still serves a good request after all of them (the harness counts what does reach a subgraph)', async () => {
    const answer = await postJson(edge, { query: PRODUCTS });
    expect(answer.status).toBe(200);
    expect(edge.subgraphRequests()).toBe(1);
  });
});

describe('a flood of tokens naming unknown signing keys (kid)', () => {
  let edge: EdgeGateway;
  beforeAll(async () => {
    edge = await startEdgeGateway({ jwks: 'served' });
  });
  afterAll(() => edge?.stop());

  async function strangersTokens(count: number): Promise<string[]> {
    const keys = await Promise.all(Array.from({ length: count }, (_, index) => createTestSigningKey(`unknown-${index}-${randomUUID()}`)));
    return Promise.all(keys.map((key) => signTestToken(key, { sub: randomUUID(), issuer: edge.issuer, audience: edge.audience })));
  }

  async function expectAllRefused(tokens: ReadonlyArray<string>): Promise<void> {
    const answers = await Promise.all(tokens.map((token) => postJson(edge, { query: PRODUCTS }, bearer(token))));
    for (const answer of answers) {
      expect(answer.status).toBe(401);
      const body = JSON.parse(answer.text) as { errors: Array<{ message: string; extensions: { code: string } }> };
      expect(body.errors[0]?.extensions.code).toBe('UNAUTHENTICATED');
      expect(body.errors[0]?.message).toMatch(/not signed by this service/);
      expectNothingInternal(edge, answer.text);
    }
  }

  it('costs one JWKS fetch when it is the first thing a gateway sees (concurrent fetches are shared)', async () => {
    await expectAllRefused(await strangersTokens(20));
    expect(edge.jwksFetches()).toBe(1);
    expect(edge.subgraphRequests()).toBe(0);
  });

  it('costs at most one more fetch per 30 s once the keys are loaded, and a good token still works', async () => {
    const before = edge.jwksFetches();
    edge.resetCounts();
    await expectAllRefused(await strangersTokens(20));
    // jose's createRemoteJWKSet refetches for an unknown kid only after its cooldown (cooldownDuration 30 s).
    expect(edge.jwksFetches() - before).toBeLessThanOrEqual(1);
    expect(edge.subgraphRequests()).toBe(0);

    const good = await signTestToken(edge.signingKey, { sub: randomUUID(), issuer: edge.issuer, audience: edge.audience });
    expect((await postJson(edge, { query: '{ __typename }' }, bearer(good))).status).toBe(200);
  });
});
