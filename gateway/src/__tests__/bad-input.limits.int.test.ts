import { createLogger } from '@techally/platform';
import { createTestSigningKey, eventually, metricValue, subscribe, wsClient } from '@techally/testing';
import type { GraphQLFormattedError } from 'graphql';
import WebSocket from 'ws';
import { createGateway, type Gateway } from '../app';
import { loadGatewayConfig } from '../config';
import { composeSupergraph, localKeySet } from '../subscriptions/__tests__/support/federation';
import {
  AUDIENCE,
  CATALOG_SDL,
  ISSUER,
  startCatalogSubgraph,
  startStockSubgraph,
  stockChanged,
  STOCK_SDL,
  type CatalogSubgraph,
  type StockSubgraph,
} from '../subscriptions/__tests__/support/test-subgraphs';
import { startEdgeGateway, type EdgeGateway } from './support/edge-gateway';

// Operation limits at the edge (issue #11): abusive shapes are refused with OPERATION_LIMIT_EXCEEDED and 400,
// over HTTP and over WebSocket, and nothing reaches a subgraph.

const repeat = (count: number, make: (i: number) => string) => Array.from({ length: count }, (_, i) => make(i)).join(' ');

/** 20 levels: categories, 18 parents, id. Cheap (190) and short: only its depth is wrong. */
const DEPTH_20 = `{ categories { ${'parent { '.repeat(18)}id${' }'.repeat(18)} } }`;
const ALIASES_100 = `{ ${repeat(100, (i) => `a${i}: product(id: "p") { id }`)} }`;
const TOKENS_10000 = `{ product(id: "p") { ${repeat(9_990, () => 'id')} } }`;
const DIRECTIVES_60 = `{ product(id: "p") { ${repeat(60, () => 'id @include(if: true)')} } }`;
/** The issue's cost bomb: 100 × 100 × 100 reviews. Depth 11, so only its cost is wrong. */
const COST_BOMB = `{ products(first: 100) { edges { node { reviews(first: 100) { edges { node {
  author { reviews(first: 100) { edges { node { id } } } } } } } } } } }`;
const BOMB_BY_VARIABLES = `query Bomb($n: Int!) { products(first: $n) { edges { node { reviews(first: $n) { edges { node {
  author { reviews(first: $n) { edges { node { id } } } } } } } } } } }`;

/** The same shapes as subscriptions (one root field: stockChanged), for the WebSocket. */
const STOCK = 'stockChanged(productIds: ["p"])';
const SUBSCRIPTIONS = {
  depth: `subscription { ${STOCK} { product { category { ${'parent { '.repeat(16)}id${' }'.repeat(16)} } } } }`,
  aliases: `subscription { ${STOCK} { ${repeat(100, (i) => `a${i}: available`)} } }`,
  tokens: `subscription { ${STOCK} { ${repeat(9_990, () => 'available')} } }`,
  directives: `subscription { ${STOCK} { ${repeat(60, () => 'available @include(if: true)')} } }`,
  cost: `subscription { ${STOCK} { product { reviews(first: 100) { edges { node { author { reviews(first: 100) { edges { node { id } } } } } } } } } }`,
  costByVariables: `subscription Bomb($n: Int!) { ${STOCK} { product { reviews(first: $n) { edges { node {
    author { reviews(first: $n) { edges { node { id } } } } } } } } } }`,
};

interface Case {
  readonly name: string;
  readonly query: string;
  /** The same shape as a subscription. */
  readonly subscription?: string;
  readonly variables?: Record<string, unknown>;
  readonly limit: string;
  readonly maximum: number;
  readonly found?: number;
  readonly message: RegExp;
}

const CASES: ReadonlyArray<Case> = [
  { name: 'depth 20', query: DEPTH_20, subscription: SUBSCRIPTIONS.depth, limit: 'depth', maximum: 12, found: 20, message: /nested 20 levels deep, above the limit of 12/ },
  { name: '100 aliases', query: ALIASES_100, subscription: SUBSCRIPTIONS.aliases, limit: 'aliases', maximum: 30, found: 100, message: /uses 100 aliases, above the limit of 30/ },
  { name: 'a 10,000-token document', query: TOKENS_10000, subscription: SUBSCRIPTIONS.tokens, limit: 'tokens', maximum: 3_000, message: /more than 3000 tokens/ },
  { name: '60 directives', query: DIRECTIVES_60, subscription: SUBSCRIPTIONS.directives, limit: 'directives', maximum: 50, found: 60, message: /uses 60 directives, above the limit of 50/ },
  { name: 'the cost bomb', query: COST_BOMB, subscription: SUBSCRIPTIONS.cost, limit: 'cost', maximum: 10_000, message: /its cost is \d+ .*above the limit of 10000/ },
  {
    name: 'the cost bomb with its page sizes in variables',
    query: BOMB_BY_VARIABLES,
    subscription: SUBSCRIPTIONS.costByVariables,
    variables: { n: 100 },
    limit: 'cost',
    maximum: 10_000,
    message: /above the limit of 10000/,
  },
];

function expectRefusal(errors: ReadonlyArray<GraphQLFormattedError> | undefined, expected: Case): void {
  expect(errors).toHaveLength(1);
  const [error] = errors!;
  expect(error!.message).toMatch(/^Operation refused: /);
  expect(error!.message).toMatch(expected.message);
  expect(error!.extensions).toEqual({
    code: 'OPERATION_LIMIT_EXCEEDED',
    limit: expected.limit,
    maximum: expected.maximum,
    ...(expected.found === undefined ? {} : { found: expected.found }),
    ...(expected.limit === 'cost' ? { found: expect.any(Number) } : {}),
  });
  const text = JSON.stringify(error);
  expect(text).not.toMatch(/stacktrace|\bat .+\.(ts|js):\d+|127\.0\.0\.1|localhost|https?:\/\//);
}

async function post(url: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return { status: response.status, body: (await response.json()) as { data?: unknown; errors?: GraphQLFormattedError[] } };
}

describe('operation limits at the edge, default settings', () => {
  let edge: EdgeGateway;
  beforeAll(async () => {
    edge = await startEdgeGateway();
  });
  afterAll(() => edge?.stop());
  beforeEach(() => edge.resetCounts());

  describe.each(CASES)('$name', (abusive) => {
    it('is refused over HTTP with 400 and OPERATION_LIMIT_EXCEEDED, no subgraph asked', async () => {
      const { status, body } = await post(edge.url, { query: abusive.query, variables: abusive.variables });
      expect(status).toBe(400);
      expect(body.data).toBeUndefined();
      expectRefusal(body.errors, abusive);
      expect(edge.subgraphRequests()).toBe(0);
    });

    it('is refused the same over WebSocket, as a subscription', async () => {
      const client = wsClient(edge.url);
      try {
        const ending = await subscribe(client, abusive.subscription!, abusive.variables).ended;
        expect('error' in ending).toBe(true);
        expectRefusal((ending as { error: GraphQLFormattedError[] }).error, abusive);
      } finally {
        await client.dispose();
      }
      expect(edge.subgraphRequests()).toBe(0);
    });
  });

  it('checks the cost of every request, not once per document: small pages of the same text pass', async () => {
    const { status } = await post(edge.url, { query: BOMB_BY_VARIABLES, variables: { n: 2 } });
    expect(status).toBe(200);
    expect(edge.requestsTo('products')).toHaveLength(1);
    edge.resetCounts();
    const refused = await post(edge.url, { query: BOMB_BY_VARIABLES, variables: { n: 100 } });
    expect(refused.status).toBe(400);
    expect(edge.subgraphRequests()).toBe(0);
  });

  it('keeps field suggestions in development', async () => {
    const { status, body } = await post(edge.url, { query: '{ product(id: "p") { nam } }' });
    expect(status).toBe(400);
    expect(body.errors?.[0]?.message).toMatch(/Did you mean "name"\?/);
  });
});

describe('operation limits at the edge, configured (production, GATEWAY_MAX_ALIASES=2, 3 connections per client)', () => {
  let edge: EdgeGateway;
  beforeAll(async () => {
    edge = await startEdgeGateway({
      // Production enforces persisted documents, which would refuse these full texts first (PERSISTED_QUERY_NOT_IN_LIST):
      // off here, so that what is tested is the limits and the suggestions.
      env: { NODE_ENV: 'production', PERSISTED_DOCUMENTS: 'off', GATEWAY_MAX_ALIASES: '2', GATEWAY_MAX_CONNECTIONS_PER_CLIENT: '3' },
    });
  });
  afterAll(() => edge?.stop());
  beforeEach(() => edge.resetCounts());

  it('applies the configured limit', async () => {
    const { status, body } = await post(edge.url, { query: `{ ${repeat(3, (i) => `a${i}: product(id: "p") { id }`)} }` });
    expect(status).toBe(400);
    expectRefusal(body.errors, { name: '3 aliases', query: '', limit: 'aliases', maximum: 2, found: 3, message: /uses 3 aliases, above the limit of 2/ });
    expect(edge.subgraphRequests()).toBe(0);
  });

  it('hides field, argument and enum-value suggestions in production', async () => {
    const { status, body } = await post(edge.url, {
      query: '{ product(id: "p") { nam } produtcs(firts: 1, sort: PRCE_ASC) { totalCount } }',
    });
    expect(status).toBe(400);
    expect(body.errors?.length).toBeGreaterThan(0);
    for (const error of body.errors ?? []) {
      expect(error.extensions?.['code']).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(error.message).not.toMatch(/Did you mean/);
    }
    expect(body.errors?.map((error) => error.message)).toContain('Cannot query field "nam" on type "Product".');
  });

  it('hides them over WebSocket too', async () => {
    const client = wsClient(edge.url);
    try {
      const ending = await subscribe(client, 'subscription { stockChanged(productIds: ["p"]) { availble } }').ended;
      expect((ending as { error: GraphQLFormattedError[] }).error).toEqual([
        expect.objectContaining({
          message: 'Cannot query field "availble" on type "StockChange".',
          extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
        }),
      ]);
    } finally {
      await client.dispose();
    }
    expect(edge.subgraphRequests()).toBe(0);
  });

  describe('connections per client', () => {
    const sockets: WebSocket[] = [];
    afterEach(async () => {
      await Promise.all(sockets.splice(0).map((socket) => closeSocket(socket)));
    });

    it('closes a 4th connection from the same address with 1013 and the limit, forged X-Forwarded-For or not', async () => {
      for (let i = 0; i < 3; i++) sockets.push(await acknowledgedSocket(edge.url));
      const refused = await closeOf(openSocket(edge.url, { 'x-forwarded-for': '198.51.100.7' }));
      expect(refused).toEqual({ code: 1013, reason: 'Too many connections from your address: at most 3 at once' });

      // The others are untouched, and a slot freed is a slot usable again (once the gateway has seen the close,
      // which may come just after the client's).
      for (const socket of sockets) expect(socket.readyState).toBe(WebSocket.OPEN);
      await closeSocket(sockets.pop()!);
      let replacement: WebSocket | undefined;
      await eventually(async () => {
        replacement = await acknowledgedSocket(edge.url).catch(() => undefined);
        return replacement !== undefined;
      }, 'a connection accepted again once one closed');
      sockets.push(replacement!);
      expect(edge.subgraphRequests()).toBe(0);
    });
  });
});

describe('operation limits switched off (GATEWAY_OPERATION_LIMITS=off)', () => {
  let edge: EdgeGateway;
  beforeAll(async () => {
    edge = await startEdgeGateway({ env: { GATEWAY_OPERATION_LIMITS: 'off' } });
  });
  afterAll(() => edge?.stop());

  it('lets the cost bomb through to the subgraph (what the limits prevent)', async () => {
    const { status } = await post(edge.url, { query: COST_BOMB });
    expect(status).toBe(200);
    expect(edge.requestsTo('products')).toHaveLength(1);
  });
});

// Subscriptions that stay open need a subgraph that serves them (the edge harness's stand-ins refuse every
// WebSocket upgrade): the federated-subscription suite's stock and catalog test subgraphs.
describe('subscriptions per connection (default cap: 100)', () => {
  let stock: StockSubgraph;
  let catalog: CatalogSubgraph;
  let gateway: Gateway;
  let url: string;

  beforeAll(async () => {
    const keys = localKeySet((await createTestSigningKey()).publicJwk);
    stock = await startStockSubgraph(keys);
    catalog = await startCatalogSubgraph(keys);
    const supergraphSdl = await composeSupergraph([
      { name: 'stock', url: stock.url, typeDefs: STOCK_SDL },
      { name: 'catalog', url: catalog.url, typeDefs: CATALOG_SDL },
    ]);
    const config = loadGatewayConfig({ JWT_ISSUER: ISSUER, JWT_AUDIENCE: AUDIENCE, LOG_LEVEL: 'silent' });
    gateway = await createGateway(config, { logger: createLogger({ name: 'gateway', level: 'silent' }), supergraphSdl, accessTokenKeys: keys });
    url = await gateway.listen(0);
  });
  afterAll(async () => {
    await gateway?.stop();
    await stock?.close();
    await catalog?.close();
  });

  const upstreams = () => metricValue(stock.metricsUrl, 'graphql_subscriptions_active');
  const STOCK = 'subscription Stock($ids: [ID!]!) { stockChanged(productIds: $ids) { available product { id } } }';

  it('refuses the 101st to 200th subscription on one socket; the socket and the first 100 go on', async () => {
    const client = wsClient(url);
    try {
      // Each its own product, so each admitted one holds its own upstream subscription: the count proves
      // that the refused ones never reached the subgraph.
      const subscriptions = Array.from({ length: 200 }, (_, i) => subscribe(client, STOCK, { ids: [`p${i}`] }));
      const refusals = await Promise.all(subscriptions.slice(100).map((subscription) => subscription.ended));
      for (const ending of refusals) {
        const errors = (ending as { error: GraphQLFormattedError[] }).error;
        expect(errors).toEqual([
          {
            message: 'Operation refused: this connection already holds 100 subscriptions, the limit. Complete one first.',
            extensions: { code: 'OPERATION_LIMIT_EXCEEDED', limit: 'subscriptionsPerConnection', maximum: 100 },
          },
        ]);
      }
      await eventually(async () => (await upstreams()) === 100, '100 upstream subscriptions');

      // The first hundred still deliver.
      await stockChanged.publish(stock.pubSub, { productId: 'p7', available: 3 }, 'p7');
      await eventually(() => subscriptions[7]!.results.length === 1, 'the event on subscription 7');
      expect(subscriptions[7]!.results[0]).toEqual({ data: { stockChanged: { available: 3, product: { id: 'p7' } } } });

      // Completing one frees its place.
      subscriptions[0]!.dispose();
      await eventually(async () => (await upstreams()) === 99, 'one upstream released');
      const again = subscribe(client, STOCK, { ids: ['p500'] });
      await eventually(async () => (await upstreams()) === 100, 'the new subscription upstream');
      again.dispose();
      for (const subscription of subscriptions) subscription.dispose();
      await eventually(async () => (await upstreams()) === 0, 'every upstream released');
    } finally {
      await client.dispose();
    }
  });
});

function openSocket(httpUrl: string, headers: Record<string, string> = {}): WebSocket {
  return new WebSocket(httpUrl.replace(/^http/, 'ws'), 'graphql-transport-ws', { headers });
}

/** A graphql-ws connection the gateway accepted (connection_ack received). */
async function acknowledgedSocket(httpUrl: string): Promise<WebSocket> {
  const socket = openSocket(httpUrl);
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload: {} })));
    socket.once('message', (data) => (JSON.parse(String(data)).type === 'connection_ack' ? resolve() : reject(new Error(String(data)))));
    socket.once('close', (code, reason) => reject(new Error(`closed ${code} ${String(reason)}`)));
    socket.once('error', reject);
  });
  return socket;
}

function closeOf(socket: WebSocket): Promise<{ code: number; reason: string }> {
  return new Promise((resolve) => socket.once('close', (code, reason) => resolve({ code, reason: String(reason) })));
}

async function closeSocket(socket: WebSocket): Promise<void> {
  if (socket.readyState === WebSocket.CLOSED) return;
  const closed = closeOf(socket);
  socket.close();
  await closed;
}
