import { randomUUID } from 'node:crypto';
import { DEMO_CUSTOMERS } from '@techally/demo-data';
import { createLogger, type SubgraphApp } from '@techally/platform';
import {
  AdjustStockDocument,
  ArchiveProductDocument,
  CategoryMenuDocument,
  createGraphQLClient,
  LogInDocument,
  ProductListingDocument,
  StockChangedDocument,
  WarehousesDocument,
  type GraphQLClient,
} from '@techally/web-client';
import { parse } from 'graphql';
import type { Client } from 'graphql-ws';
import { SUBGRAPHS } from '../subgraph-registry';
import { CheckoutDriver } from './support/checkout-driver';
import { OrderStatusEvents } from './support/order-status-events';
import { follow, liveClient, subgraphSubscriptions, type LiveFeed, type TypedDocument } from './support/live-subscriptions';
import { startTestSupergraph, TEST_ADMIN, type TestSupergraph } from './support/test-supergraph';

// Subscription.stockChanged end to end (issue #5): a real graphql-ws client on the gateway, the inventory
// subgraph's feed fed from committed stock-changed events by its outbox relay, the product's other fields
// resolved from the products and reviews subgraphs per event. Redis Pub/Sub with REDIS_URL, memory without.
// Subscription.productChanged the same way (issue #12), from the products subgraph's catalogue events: a page
// open on a product follows both, so an admin's reprice and stock adjustment show without a reload.
const EVENTS_KEY_PREFIX = `e2e-live-stock-${randomUUID()}`;
let supergraph: TestSupergraph;
let admin: GraphQLClient;
let driver: CheckoutDriver;
let warehouseId: string;
let inventoryUrl: string;
/** The inventory serving now (the restarted one once restarted): its metrics port is its own. */
const inventoryMetricsUrl = () => (restarted ?? supergraph.apps['inventory']!).metricsUrl!;
/** The inventory started again by the last test; stopped before the supergraph. */
let restarted: SubgraphApp | null = null;
const productsMetricsUrl = () => supergraph.apps['products']!.metricsUrl!;
const clients: Client[] = [];
const feeds: Array<LiveFeed<unknown>> = [];

async function signedIn(email: string, password: string): Promise<GraphQLClient> {
  const anonymous = createGraphQLClient({ url: supergraph.gatewayUrl });
  const session = await anonymous.request(LogInDocument, { email, password });
  return createGraphQLClient({ url: supergraph.gatewayUrl, accessToken: () => session.logIn.accessToken });
}

function anonymousClient(): Client {
  const client = liveClient(supergraph.gatewayUrl);
  clients.push(client);
  return client;
}

function followStock(client: Client, productIds: string[]) {
  const feed = follow(client, StockChangedDocument, { productIds });
  feeds.push(feed as LiveFeed<unknown>);
  return feed;
}

/** A demo product with reviews, so the event's `rating` comes from the reviews subgraph with real figures. */
async function reviewedProduct() {
  const { products } = await admin.request(ProductListingDocument, { first: 50 });
  const product = products.edges.map((edge) => edge.node).find((node) => node.rating.count > 0 && node.inStock);
  if (!product) throw new Error('the demo catalog has no reviewed product in stock');
  return product;
}

// Not operations of an app (the storefront and the admin write their own): this file's, sent as text.
interface ChangedProduct {
  productChanged: { id: string; name: string; status: string; price: { amount: number; formatted: string }; inStock: boolean; rating: { count: number } };
}
const ProductChangedDocument = parse(`subscription ($productIds: [ID!]!) {
  productChanged(productIds: $productIds) { id name status price { amount formatted } inStock rating { count } }
}`) as TypedDocument<ChangedProduct, { productIds: string[] }>;
const RepriceDocument = parse(`mutation ($id: ID!, $price: MoneyInput!) {
  updateProduct(id: $id, input: { price: $price }) { id }
}`) as TypedDocument<{ updateProduct: { id: string } }, { id: string; price: { amount: number; currency: string } }>;

function followProducts(client: Client, productIds: string[]) {
  const feed = follow(client, ProductChangedDocument, { productIds });
  feeds.push(feed as LiveFeed<unknown>);
  return feed;
}

function adjust(productId: string, delta: number) {
  return admin.request(AdjustStockDocument, { input: { productId, warehouseId, delta, reason: 'RECEIVED' } });
}

beforeAll(async () => {
  supergraph = await startTestSupergraph({ env: { EVENTS_KEY_PREFIX } });
  inventoryUrl = supergraph.subgraphUrls['inventory']!;
  admin = await signedIn(TEST_ADMIN.email, TEST_ADMIN.password);
  driver = new CheckoutDriver(await signedIn(DEMO_CUSTOMERS[0]!.email, DEMO_CUSTOMERS[0]!.password), admin, await OrderStatusEvents.follow(supergraph.bus));
  warehouseId = (await admin.request(WarehousesDocument)).warehouses[0]!.id;
}, 180_000);

afterEach(async () => {
  for (const feed of feeds.splice(0)) feed.dispose();
  await Promise.all(clients.splice(0).map((client) => client.dispose()));
  // Every upstream subscription is released with its clients.
  await subgraphSubscriptions(inventoryMetricsUrl(), 0);
  await subgraphSubscriptions(productsMetricsUrl(), 0);
});

afterAll(async () => {
  await restarted?.stop();
  await supergraph?.stop();
});

describe('productChanged through the gateway', () => {
  it('shows a page open on a product the admin’s reprice and stock adjustment, without a reload', async () => {
    const product = await driver.stockedProduct(2, 4_900);
    const client = anonymousClient();
    const changes = followProducts(client, [product.id]);
    const stock = followStock(client, [product.id]);
    await subgraphSubscriptions(productsMetricsUrl(), 1);
    await subgraphSubscriptions(inventoryMetricsUrl(), 1);

    await admin.request(RepriceDocument, { id: product.id, price: { amount: 3_900, currency: 'USD' } });
    const [repriced] = await changes.received(1);
    // The products subgraph's fields, and inventory's and reviews' resolved for the event by the gateway.
    expect(repriced).toEqual({
      data: { productChanged: { id: product.id, name: expect.any(String), status: 'ACTIVE', price: { amount: 3_900, formatted: '$39.00' }, inStock: true, rating: { count: 0 } } },
    });

    await adjust(product.id, 5);
    const [adjusted] = await stock.received(1);
    expect(adjusted?.data?.stockChanged).toMatchObject({ available: 7, inStock: true, product: { id: product.id, price: { amount: 3_900 } } });
    expect(changes.results).toHaveLength(1);
  });

  it('delivers an archiving with the product’s new status', async () => {
    const product = await driver.stockedProduct(0);
    const changes = followProducts(anonymousClient(), [product.id]);
    await subgraphSubscriptions(productsMetricsUrl(), 1);

    await admin.request(ArchiveProductDocument, { id: product.id });
    const [archived] = await changes.received(1);
    expect(archived?.data?.productChanged).toMatchObject({ id: product.id, status: 'ARCHIVED', inStock: false });
  });

  it('refuses an unknown id and more than 100 ids with BAD_USER_INPUT, ending the subscription', async () => {
    const client = anonymousClient();
    const known = (await driver.stockedProduct(0)).id;
    const unknown = randomUUID();
    const cases: Array<[string[], string, string]> = [
      [[known, unknown], `productIds[1] "${unknown}" is not a product of this catalog.`, 'productIds[1]'],
      [Array.from({ length: 101 }, () => known), 'productIds must name 1 to 100 products; got 101.', 'productIds'],
    ];
    for (const [productIds, message, field] of cases) {
      const feed = followProducts(client, productIds);
      expect(await feed.ended).toEqual({ completed: true });
      expect(feed.results).toEqual([
        { data: null, errors: [{ message, path: ['productChanged'], extensions: { code: 'BAD_USER_INPUT', field, serviceName: 'products' } }] },
      ]);
    }
  });
});

describe('stockChanged through the gateway', () => {
  it('delivers an admin adjustment, then a checkout reservation, with name, price and rating from the other subgraphs', async () => {
    const product = await reviewedProduct();
    const before = await driver.stockOf(product.slug);
    const feed = followStock(anonymousClient(), [product.id]);
    await subgraphSubscriptions(inventoryMetricsUrl(), 1);

    await adjust(product.id, 3);
    const [adjusted] = await feed.received(1);
    const enriched = {
      id: product.id,
      name: product.name,
      price: { amount: product.price.amount, formatted: product.price.formatted },
      rating: { average: product.rating.average, count: product.rating.count },
    };
    expect(adjusted).toEqual({ data: { stockChanged: { available: before.available + 3, inStock: true, at: expect.any(String), product: enriched } } });
    expect(new Date(adjusted!.data!.stockChanged.at).toISOString()).toBe(adjusted!.data!.stockChanged.at);

    // A checkout: inventory reserves the units on the order's placed event, and says so.
    await driver.place([{ productId: product.id, quantity: 2 }]);
    const [, reserved] = await feed.received(2);
    expect(reserved).toEqual({ data: { stockChanged: { available: before.available + 1, inStock: true, at: expect.any(String), product: enriched } } });
    expect(await driver.stockOf(product.slug)).toMatchObject({ available: before.available + 1, reserved: before.reserved + 2 });
  });

  it('delivers only the products subscribed to, and "out of stock" when the last unit goes', async () => {
    const watched = await driver.stockedProduct(0);
    const other = await driver.stockedProduct(0);
    const feed = followStock(anonymousClient(), [watched.id]);
    await subgraphSubscriptions(inventoryMetricsUrl(), 1);

    await adjust(other.id, 5);
    await adjust(watched.id, 1);
    await adjust(watched.id, -1);
    const results = await feed.received(2);
    expect(results.map((result) => result.data?.stockChanged)).toEqual([
      expect.objectContaining({ available: 1, inStock: true, product: expect.objectContaining({ id: watched.id }) }),
      expect.objectContaining({ available: 0, inStock: false, product: expect.objectContaining({ id: watched.id }) }),
    ]);
  });

  it('refuses an empty list, more than 100 ids and a malformed id with BAD_USER_INPUT, ending the subscription', async () => {
    const client = anonymousClient();
    const tooMany = Array.from({ length: 101 }, () => randomUUID());
    const cases: Array<[string[], string, string]> = [
      [[], 'productIds must name 1 to 100 products; got 0.', 'productIds'],
      [tooMany, 'productIds must name 1 to 100 products; got 101.', 'productIds'],
      [[randomUUID(), 'not-a-product-id'], 'productIds[1] is not a product id.', 'productIds[1]'],
    ];
    for (const [productIds, message, field] of cases) {
      const feed = followStock(client, productIds);
      expect(await feed.ended).toEqual({ completed: true });
      expect(feed.results).toEqual([
        { data: null, errors: [{ message, path: ['stockChanged'], extensions: { code: 'BAD_USER_INPUT', field, serviceName: 'inventory' } }] },
      ]);
    }
  });

  // Last: it replaces the inventory subgraph.
  it('ends with SERVICE_UNAVAILABLE when inventory goes away; the gateway keeps serving; subscribing again works once it is back', async () => {
    const product = await driver.stockedProduct(0);
    const client = anonymousClient();
    const before = followStock(client, [product.id]);
    await subgraphSubscriptions(inventoryMetricsUrl(), 1);

    await supergraph.apps['inventory']!.stop();
    expect(await before.ended).toEqual({ completed: true });
    expect(before.results).toEqual([
      { errors: [expect.objectContaining({ extensions: { code: 'SERVICE_UNAVAILABLE', serviceName: 'inventory' } })] },
    ]);
    // Queries that do not need inventory are answered as ever.
    expect((await admin.request(CategoryMenuDocument)).categories.length).toBeGreaterThan(0);
    const whileDown = followStock(client, [product.id]);
    expect(await whileDown.ended).toEqual({ completed: true });
    expect(whileDown.results[0]?.errors?.[0]?.extensions).toEqual({ code: 'SERVICE_UNAVAILABLE', serviceName: 'inventory' });

    restarted = await startInventoryAgain();
    const again = followStock(client, [product.id]);
    await subgraphSubscriptions(inventoryMetricsUrl(), 1);
    await adjust(product.id, 4);
    const [event] = await again.received(1);
    expect(event?.data?.stockChanged).toMatchObject({ available: 4, inStock: true, product: { id: product.id } });
  });
});

/** A new inventory process-alike on the old one's port, configured as the test supergraph configured it. */
async function startInventoryAgain(): Promise<SubgraphApp> {
  const definition = SUBGRAPHS.find((candidate) => candidate.name === 'inventory')!;
  const env: Record<string, string | undefined> = {
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATABASE_URL: supergraph.database.url,
    DATABASE_POOL_MAX: String(supergraph.database.poolMax),
    EVENTS_KEY_PREFIX,
    OUTBOX_POLL_INTERVAL_MS: '100',
    REDIS_URL: process.env['REDIS_URL'],
    ...(process.env['DATABASE_URL'] ? {} : { OUTBOX_LISTEN: 'false' }),
    JWKS_URL: supergraph.subgraphUrls['users']!.replace('/graphql', '/.well-known/jwks.json'),
    SUBGRAPH_PRODUCTS_URL: supergraph.subgraphUrls['products'],
  };
  const app = await definition.create(env, createLogger({ name: 'e2e', level: 'silent' }), { bus: supergraph.bus });
  await app.listen(Number(new URL(inventoryUrl).port));
  return app;
}
