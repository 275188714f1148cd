import { createLogger, type JWTVerifyGetKey } from '@techally/platform';
import { createTestSigningKey, eventually, metricValue, postGraphQL, signTestToken, subscribe, type TestSigningKey, wsClient } from '@techally/testing';
import { createGateway, type Gateway } from '../../app';
import { loadGatewayConfig } from '../../config';
import { composeSupergraph, localKeySet } from './support/federation';
import {
  AUDIENCE,
  CATALOG_SDL,
  ISSUER,
  startCatalogSubgraph,
  startStockSubgraph,
  stockAlerts,
  stockChanged,
  STOCK_SDL,
  type CatalogSubgraph,
  type StockSubgraph,
} from './support/test-subgraphs';
import { rawSubscriber } from './support/raw-subscriber';

const QUEUE_LIMIT = 5;
const STOCK_CHANGED = `subscription Stock($ids: [ID!]!) {
  stockChanged(productIds: $ids) { available product { id name price } }
}`;

let key: TestSigningKey;
let keys: JWTVerifyGetKey;
let stock: StockSubgraph;
let catalog: CatalogSubgraph;
let gateway: Gateway;
let gatewayUrl: string;

const token = (sub: string, expiresIn?: number) =>
  signTestToken(key, { sub, issuer: ISSUER, audience: AUDIENCE, ...(expiresIn === undefined ? {} : { expiresIn }) });

/** Subscriptions the stock subgraph is serving now (each shared upstream counts once). */
const upstreamSubscriptions = () => metricValue(stock.metricsUrl, 'graphql_subscriptions_active');

async function waitForUpstreams(count: number): Promise<void> {
  await eventually(async () => (await upstreamSubscriptions()) === count, `${count} upstream subscriptions on the stock subgraph`);
}

beforeAll(async () => {
  key = await createTestSigningKey();
  keys = localKeySet(key.publicJwk);
  stock = await startStockSubgraph(keys);
  catalog = await startCatalogSubgraph(keys);
  const supergraphSdl = await composeSupergraph([
    { name: 'stock', url: stock.url, typeDefs: STOCK_SDL },
    { name: 'catalog', url: catalog.url, typeDefs: CATALOG_SDL },
  ]);
  const config = loadGatewayConfig({
    JWT_ISSUER: ISSUER,
    JWT_AUDIENCE: AUDIENCE,
    LOG_LEVEL: 'silent',
    GATEWAY_SUBSCRIPTION_QUEUE_LIMIT: String(QUEUE_LIMIT),
  });
  gateway = await createGateway(config, { logger: createLogger({ name: 'gateway', level: 'silent' }), supergraphSdl, accessTokenKeys: keys });
  gatewayUrl = await gateway.listen(0);
});

afterAll(async () => {
  await gateway?.stop();
  await stock?.close();
  await catalog?.close();
});

afterEach(async () => {
  // Every test leaves no subscription behind, upstream included.
  await waitForUpstreams(0);
});

describe('federated subscriptions through the gateway', () => {
  it('delivers each event of the subscribed products, in order, enriched with fields from another subgraph', async () => {
    const client = wsClient(gatewayUrl);
    const received = subscribe(client, STOCK_CHANGED, { ids: ['p1', 'p22'] });
    await waitForUpstreams(1);
    await stockChanged.publish(stock.pubSub, { productId: 'p1', available: 5 }, 'p1');
    await stockChanged.publish(stock.pubSub, { productId: 'p3', available: 9 }, 'p3');
    await stockChanged.publish(stock.pubSub, { productId: 'p22', available: 0 }, 'p22');
    await stockChanged.publish(stock.pubSub, { productId: 'p1', available: 4 }, 'p1');
    await eventually(() => received.results.length === 3, 'three events');
    expect(received.results).toEqual([
      { data: { stockChanged: { available: 5, product: { id: 'p1', name: 'Product p1', price: 200 } } } },
      { data: { stockChanged: { available: 0, product: { id: 'p22', name: 'Product p22', price: 300 } } } },
      { data: { stockChanged: { available: 4, product: { id: 'p1', name: 'Product p1', price: 200 } } } },
    ]);
    received.dispose();
    await client.dispose();
  });

  it("forwards the client's token to both subgraphs, and one request id for the subscription", async () => {
    const bearer = `Bearer ${await token('user-1')}`;
    stock.seen.length = 0;
    catalog.seen.length = 0;
    const client = wsClient(gatewayUrl, { authorization: bearer });
    const received = subscribe(client, STOCK_CHANGED, { ids: ['p4'] });
    await waitForUpstreams(1);
    await stockChanged.publish(stock.pubSub, { productId: 'p4', available: 1 }, 'p4');
    await eventually(() => received.results.length === 1, 'one event');
    expect(received.results[0]?.data).toEqual({ stockChanged: { available: 1, product: { id: 'p4', name: 'Product p4', price: 200 } } });
    expect(stock.seen.length).toBeGreaterThan(0);
    expect(catalog.seen.length).toBeGreaterThan(0);
    for (const seen of [...stock.seen, ...catalog.seen]) expect(seen.authorization).toBe(bearer);
    // The stock subgraph logs the subscription and its events under the id the catalog's fetch carries.
    const requestIds = new Set(catalog.seen.map((seen) => seen.requestId));
    expect(requestIds.size).toBe(1);
    expect(stock.seen.map((seen) => seen.requestId)).toContain([...requestIds][0]);
    received.dispose();
    await client.dispose();
  });

  it('delivers an event with the data that resolved and the errors of what did not, and carries on', async () => {
    const client = wsClient(gatewayUrl);
    const received = subscribe(client, STOCK_CHANGED, { ids: ['broken', 'p5'] });
    await waitForUpstreams(1);
    await stockChanged.publish(stock.pubSub, { productId: 'broken', available: 2 }, 'broken');
    await stockChanged.publish(stock.pubSub, { productId: 'p5', available: 3 }, 'p5');
    await eventually(() => received.results.length === 2, 'two events');
    expect(received.results[0]).toEqual({
      data: { stockChanged: { available: 2, product: { id: 'broken', name: null, price: 600 } } },
      errors: [
        {
          message: 'Product broken has no name any more.',
          path: ['stockChanged', 'product', 'name'],
          extensions: { code: 'NOT_FOUND', serviceName: 'catalog' },
        },
      ],
    });
    expect(received.results[1]).toEqual({ data: { stockChanged: { available: 3, product: { id: 'p5', name: 'Product p5', price: 200 } } } });
    received.dispose();
    await client.dispose();
  });

  it('shares one upstream subscription and one execution per event between identical subscriptions with the same credentials', async () => {
    const [first, second] = [wsClient(gatewayUrl), wsClient(gatewayUrl)];
    const bearer = `Bearer ${await token('user-2')}`;
    const signedIn = wsClient(gatewayUrl, { authorization: bearer });
    const anonymousA = subscribe(first, STOCK_CHANGED, { ids: ['p6'] });
    const anonymousB = subscribe(second, STOCK_CHANGED, { ids: ['p6'] });
    const withToken = subscribe(signedIn, STOCK_CHANGED, { ids: ['p6'] });
    await waitForUpstreams(2); // the anonymous pair shares one; the signed-in client has its own
    catalog.references.length = 0;
    await stockChanged.publish(stock.pubSub, { productId: 'p6', available: 7 }, 'p6');
    await eventually(() => [anonymousA, anonymousB, withToken].every((r) => r.results.length === 1), 'the event on all three');
    for (const received of [anonymousA, anonymousB, withToken]) {
      expect(received.results[0]?.data).toEqual({ stockChanged: { available: 7, product: { id: 'p6', name: 'Product p6', price: 200 } } });
    }
    expect(catalog.references).toEqual(['p6', 'p6']); // one entity fetch per execution, not per client
    expect(await metricValue(gateway.metricsUrl!, 'graphql_subscription_upstreams_active')).toBe(2);
    for (const received of [anonymousA, anonymousB, withToken]) received.dispose();
    await Promise.all([first.dispose(), second.dispose(), signedIn.dispose()]);
  });

  it('bounds the queue of a slow client (oldest dropped, counted, reported) while a fast one gets every event', async () => {
    const events = 120;
    const padding = 'x'.repeat(100_000); // enough for the slow client's socket buffers to fill
    const query = 'subscription($ids: [ID!]!) { stockChanged(productIds: $ids) { available padding product { name } } }';
    const fast = wsClient(gatewayUrl);
    const fastReceived = subscribe(fast, query, { ids: ['p7'] });
    const slow = await rawSubscriber(gatewayUrl, query, { ids: ['p7'] });
    await eventually(async () => (await metricValue(gateway.metricsUrl!, 'graphql_subscriptions_active')) === 2, 'both subscriptions');
    await waitForUpstreams(1);
    const droppedBefore = await metricValue(gateway.metricsUrl!, 'graphql_subscription_events_dropped_total', 'stage="client"');
    slow.pause();
    for (let available = 1; available <= events; available++) {
      await stockChanged.publish(stock.pubSub, { productId: 'p7', available, padding }, 'p7');
    }
    await eventually(() => fastReceived.results.length === events, 'every event at the fast client');
    expect(fastReceived.results.map((result) => (result.data?.['stockChanged'] as { available: number }).available)).toEqual(
      Array.from({ length: events }, (_, index) => index + 1),
    );
    expect(fastReceived.results.some((result) => result.extensions)).toBe(false);

    slow.resume();
    const slowNexts = () => slow.messages.filter((message) => message.type === 'next').map((message) => message.payload!);
    await eventually(
      () => slowNexts().some((payload) => (payload.data?.['stockChanged'] as { available: number }).available === events),
      'the last event at the slow client',
    );
    const slowResults = slowNexts();
    const availables = slowResults.map((payload) => (payload.data?.['stockChanged'] as { available: number }).available);
    const reportedDrops = slowResults.reduce((sum, payload) => sum + Number(payload.extensions?.['droppedEvents'] ?? 0), 0);
    expect(availables.length).toBeLessThan(events);
    expect([...availables].sort((a, b) => a - b)).toEqual(availables); // what survives stays in order
    expect(availables.length + reportedDrops).toBe(events); // every missing event is reported
    const droppedAfter = await metricValue(gateway.metricsUrl!, 'graphql_subscription_events_dropped_total', 'stage="client"');
    expect(droppedAfter - droppedBefore).toBe(reportedDrops);
    slow.close();
    fastReceived.dispose();
    await fast.dispose();
  });

  it('completes the upstream subscription when the last client unsubscribes', async () => {
    const client = wsClient(gatewayUrl);
    const received = subscribe(client, STOCK_CHANGED, { ids: ['p8'] });
    await waitForUpstreams(1);
    expect(await metricValue(gateway.metricsUrl!, 'graphql_subscription_upstreams_active')).toBe(1);
    received.dispose();
    await waitForUpstreams(0);
    await eventually(async () => (await metricValue(gateway.metricsUrl!, 'graphql_subscription_upstreams_active')) === 0, 'no upstream');
    expect(await metricValue(gateway.metricsUrl!, 'graphql_subscriptions_active')).toBe(0);
    await client.dispose();
  });

  it('refuses a bad token at connect with 4401 before any subgraph is asked', async () => {
    const stranger = await createTestSigningKey('stranger');
    const forged = await signTestToken(stranger, { sub: 'user-1', issuer: ISSUER, audience: AUDIENCE });
    stock.seen.length = 0;
    const client = wsClient(gatewayUrl, { authorization: `Bearer ${forged}` });
    const received = subscribe(client, STOCK_CHANGED, { ids: ['p1'] });
    expect(await received.ended).toEqual({
      error: expect.objectContaining({ code: 4401, reason: 'The access token was not signed by this service.' }),
    });
    expect(stock.seen).toEqual([]);
  });

  it('ends a subscription the subgraph keeps for signed-in viewers with its UNAUTHENTICATED, for an anonymous client', async () => {
    const client = wsClient(gatewayUrl);
    const received = subscribe(client, 'subscription { myStockAlerts { available } }');
    expect(await received.ended).toEqual({ completed: true });
    expect(received.results).toEqual([
      {
        data: null,
        errors: [
          { message: 'You must be signed in to do this.', path: ['myStockAlerts'], extensions: { code: 'UNAUTHENTICATED', serviceName: 'stock' } },
        ],
      },
    ]);
    await client.dispose();

    const signedIn = wsClient(gatewayUrl, { authorization: `Bearer ${await token('user-3')}` });
    const alerts = subscribe(signedIn, 'subscription { myStockAlerts { available product { name } } }');
    await waitForUpstreams(1);
    await stockAlerts.publish(stock.pubSub, { productId: 'p9', available: 0 });
    await eventually(() => alerts.results.length === 1, 'the alert');
    expect(alerts.results[0]).toEqual({ data: { myStockAlerts: { available: 0, product: { name: 'Product p9' } } } });
    alerts.dispose();
    await signedIn.dispose();
  });

  it("ends a client's subscriptions with UNAUTHENTICATED when its token expires, then closes with 4401", async () => {
    const authorization = `Bearer ${await token('user-4', 2)}`;
    const client = await rawSubscriber(gatewayUrl, STOCK_CHANGED, { ids: ['p10'] }, { authorization });
    await waitForUpstreams(1);
    expect(await client.closed).toEqual({ code: 4401, reason: 'The access token has expired' });
    expect(client.messages).toEqual([
      {
        id: '1',
        type: 'next',
        payload: {
          errors: [
            { message: 'The access token has expired; reconnect with a fresh token to subscribe again.', extensions: { code: 'UNAUTHENTICATED' } },
          ],
        },
      },
      { id: '1', type: 'complete' },
    ]);
    // Its upstream subscription is released with it (afterEach checks the subgraph).
  });

  it('answers a query sent over WebSocket with BAD_REQUEST, and a subscription sent over HTTP likewise', async () => {
    const client = wsClient(gatewayUrl);
    const overWebSocket = await subscribe(client, '{ product(id: "p1") { name } }').ended;
    expect(overWebSocket).toEqual({ error: [expect.objectContaining({ extensions: { code: 'BAD_REQUEST' } })] });
    await client.dispose();
    const response = await fetch(gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: STOCK_CHANGED, variables: { ids: ['p1'] } }),
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0]?.extensions.code).toBe('BAD_REQUEST');
  });

  it('refuses variables that do not fit the operation with BAD_USER_INPUT', async () => {
    const client = wsClient(gatewayUrl);
    const received = subscribe(client, STOCK_CHANGED, { ids: null });
    expect(await received.ended).toEqual({ completed: true });
    expect(received.results[0]?.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    await client.dispose();
  });

  it('reports active subscriptions, deliveries, drops and event-to-client latency on /metrics', async () => {
    const text = await (await fetch(gateway.metricsUrl!)).text();
    expect(text).toMatch(/graphql_subscriptions_active\{service="gateway"\} \d+/);
    expect(text).toMatch(/graphql_subscription_events_delivered_total\{service="gateway"\} [1-9]/);
    expect(text).toMatch(/graphql_subscription_events_dropped_total\{stage="client",service="gateway"\} [1-9]/);
    expect(text).toMatch(/graphql_subscription_event_latency_seconds_count\{service="gateway"\} [1-9]/);
  });

  // Last: it stops the stock subgraph.
  it('ends subscriptions with SERVICE_UNAVAILABLE naming the subgraph when it goes away, keeps serving, and subscribes again once it is back', async () => {
    const client = wsClient(gatewayUrl);
    const received = subscribe(client, STOCK_CHANGED, { ids: ['p11'] });
    await waitForUpstreams(1);
    await stock.stop();
    expect(await received.ended).toEqual({ completed: true });
    expect(received.results).toEqual([
      {
        errors: [
          {
            message: 'The stock service ended the subscription or cannot be reached; subscribe again shortly.',
            extensions: { code: 'SERVICE_UNAVAILABLE', serviceName: 'stock' },
          },
        ],
      },
    ]);
    expect(await postGraphQL(gatewayUrl, '{ product(id: "p1") { name } }')).toEqual({ data: { product: { name: 'Product p1' } } });
    const whileDown = subscribe(client, STOCK_CHANGED, { ids: ['p11'] });
    expect(await whileDown.ended).toEqual({ completed: true });
    expect(whileDown.results[0]?.errors?.[0]?.extensions).toEqual({ code: 'SERVICE_UNAVAILABLE', serviceName: 'stock' });

    await stock.restart();
    const again = subscribe(client, STOCK_CHANGED, { ids: ['p11'] });
    await waitForUpstreams(1);
    await stockChanged.publish(stock.pubSub, { productId: 'p11', available: 6 }, 'p11');
    await eventually(() => again.results.length === 1, 'an event after the restart');
    expect(again.results[0]?.data).toEqual({ stockChanged: { available: 6, product: { id: 'p11', name: 'Product p11', price: 300 } } });
    again.dispose();
    await client.dispose();
  });
});
