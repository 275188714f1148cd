import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_CUSTOMERS } from '@techally/demo-data';
import { inspectRedis, testRedisUrl } from '@techally/testing';
import {
  AdjustStockDocument,
  createGraphQLClient,
  LogInDocument,
  StockChangedDocument,
  WarehousesDocument,
  type GraphQLClient,
  type StockChangedSubscription,
} from '@techally/web-client';
import type { Client } from 'graphql-ws';
import { composeSupergraph } from '../compose-supergraph';
import { SUBGRAPHS } from '../subgraph-registry';
import { CheckoutDriver } from './support/checkout-driver';
import { OrderStatusEvents } from './support/order-status-events';
import { follow, liveClient, subgraphSubscriptions, type LiveFeed } from './support/live-subscriptions';
import { startServiceProcess, type ServiceProcess } from './support/service-process';
import { startTestSupergraph, TEST_ADMIN, type TestSupergraph } from './support/test-supergraph';

// Across processes (issue #5): two gateways and two inventory subgraphs on the real Redis and one database. This
// jest process runs the test supergraph (gateway A, inventory A and the others); a second inventory and a
// second gateway run as processes of their own (`node dist/main.js`, as deployed), gateway B routed to
// inventory B. Nothing but Redis (and the database) joins the two sides: a change made through either
// inventory is published by whichever relay holds the outbox, and must reach subscribers on both gateways.
const redisUrl = testRedisUrl();
if (!redisUrl) {
  process.stderr.write('SKIPPED: live-across-processes — processes meet only through Redis Pub/Sub; REDIS_URL is not set\n');
}
const EVENTS_KEY_PREFIX = `e2e-live-processes-${randomUUID()}`;

let supergraph: TestSupergraph;
let inventoryB: ServiceProcess | null = null;
let gatewayB: ServiceProcess | null = null;
let supergraphDir: string;
const admins: Partial<Record<'A' | 'B', GraphQLClient>> = {};
let driver: CheckoutDriver;
let warehouseId: string;
const clients: Client[] = [];
const feeds: Array<LiveFeed<unknown>> = [];

async function adminOn(gatewayUrl: string): Promise<GraphQLClient> {
  const session = await createGraphQLClient({ url: gatewayUrl }).request(LogInDocument, TEST_ADMIN);
  return createGraphQLClient({ url: gatewayUrl, accessToken: () => session.logIn.accessToken });
}

function followStock(gatewayUrl: string, productId: string): LiveFeed<StockChangedSubscription> {
  const client = liveClient(gatewayUrl);
  clients.push(client);
  const feed = follow(client, StockChangedDocument, { productIds: [productId] });
  feeds.push(feed as LiveFeed<unknown>);
  return feed;
}

(redisUrl ? describe : describe.skip)('live stock across processes', () => {
  beforeAll(async () => {
    supergraph = await startTestSupergraph({ env: { EVENTS_KEY_PREFIX } });
    const urls = supergraph.subgraphUrls;
    const common = {
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      REDIS_URL: redisUrl,
      EVENTS_KEY_PREFIX,
      JWKS_URL: urls['users']!.replace('/graphql', '/.well-known/jwks.json'),
    };
    inventoryB = await startServiceProcess('subgraphs/inventory', 'INVENTORY_PORT', {
      ...common,
      DATABASE_URL: supergraph.database.url,
      DATABASE_POOL_MAX: String(Math.min(2, supergraph.database.poolMax)),
      OUTBOX_POLL_INTERVAL_MS: '100',
      ...(process.env['DATABASE_URL'] ? {} : { OUTBOX_LISTEN: 'false' }),
      SUBGRAPH_PRODUCTS_URL: urls['products'],
    });
    const graph = await composeSupergraph(SUBGRAPHS, (definition) => (definition.name === 'inventory' ? inventoryB!.url : urls[definition.name]!));
    supergraphDir = mkdtempSync(join(tmpdir(), 'live-processes-'));
    writeFileSync(join(supergraphDir, 'supergraph.graphql'), graph.supergraphSdl);
    gatewayB = await startServiceProcess('gateway', 'PORT', { ...common, SUPERGRAPH_PATH: join(supergraphDir, 'supergraph.graphql') });

    admins.A = await adminOn(supergraph.gatewayUrl);
    admins.B = await adminOn(gatewayB.url);
    const customer = createGraphQLClient({ url: supergraph.gatewayUrl });
    const { logIn } = await customer.request(LogInDocument, { email: DEMO_CUSTOMERS[0]!.email, password: DEMO_CUSTOMERS[0]!.password });
    driver = new CheckoutDriver(createGraphQLClient({ url: supergraph.gatewayUrl, accessToken: () => logIn.accessToken }), admins.A, await OrderStatusEvents.follow(supergraph.bus));
    warehouseId = (await admins.A.request(WarehousesDocument)).warehouses[0]!.id;
  }, 180_000);

  afterAll(async () => {
    for (const feed of feeds.splice(0)) feed.dispose();
    await Promise.all(clients.splice(0).map((client) => client.dispose()));
    await gatewayB?.stop();
    await inventoryB?.stop();
    await supergraph?.stop();
    if (supergraphDir) rmSync(supergraphDir, { recursive: true, force: true });
  });

  it('delivers a change made through either inventory to subscribers on both gateways', async () => {
    const product = await driver.stockedProduct(0);
    const onA = followStock(supergraph.gatewayUrl, product.id);
    const onB = followStock(gatewayB!.url, product.id);
    await subgraphSubscriptions(supergraph.apps['inventory']!.metricsUrl!, 1);
    await subgraphSubscriptions(inventoryB!.metricsUrl, 1);
    // Two inventory processes, each with its own subscriber connection on the product's channel.
    const redis = inspectRedis(redisUrl!);
    try {
      const [, subscribers] = (await redis.pubsub('NUMSUB', `${EVENTS_KEY_PREFIX}:subscriptions:stock-changed:${product.id}`)) as [string, number];
      expect(Number(subscribers)).toBe(2);
    } finally {
      redis.disconnect();
    }

    // Through gateway A (inventory A in this process), then through gateway B (inventory B, the other process).
    await admins.A!.request(AdjustStockDocument, { input: { productId: product.id, warehouseId, delta: 2, reason: 'RECEIVED' } });
    await Promise.all([onA.received(1), onB.received(1)]);
    await admins.B!.request(AdjustStockDocument, { input: { productId: product.id, warehouseId, delta: 3, reason: 'RECEIVED' } });

    for (const feed of [onA, onB]) {
      const updates = await feed.received(2);
      expect(updates.map((update) => update.data?.stockChanged)).toEqual([
        expect.objectContaining({ available: 2, inStock: true, product: expect.objectContaining({ id: product.id, name: expect.stringContaining('Saga test product') }) }),
        expect.objectContaining({ available: 5, inStock: true, product: expect.objectContaining({ id: product.id }) }),
      ]);
    }
    // The same committed change, the same instant, on both sides.
    expect(onA.results.map((result) => result.data?.stockChanged.at)).toEqual(onB.results.map((result) => result.data?.stockChanged.at));
  });
});
