import { randomUUID } from 'node:crypto';
import { createInMemoryEventBus, type EventBus } from '@techally/events';
import { eventually, metricValue, subscribe, wsClient, type Received } from '@techally/testing';
import { startProductsHarness, type ProductsHarness } from '../../__tests__/products-harness';

/**
 * `Subscription.productChanged` on the products subgraph itself (issue #12): fed by the outbox relay from the
 * committed catalogue events, over graphql-ws on the subgraph's /graphql, anonymous (it is as public as
 * product(id)). The gateway's side is packages/supergraph/src/__tests__/live-stock.e2e.test.ts.
 */
const PRODUCT_CHANGED = `subscription ($productIds: [ID!]!) {
  productChanged(productIds: $productIds) { id name status price { amount currency formatted } }
}`;
const CREATE_CATEGORY = `mutation ($input: CreateCategoryInput!) { createCategory(input: $input) { id } }`;
const CREATE = `mutation ($input: CreateProductInput!) { createProduct(input: $input) { id } }`;
const UPDATE = `mutation ($id: ID!, $input: UpdateProductInput!) { updateProduct(id: $id, input: $input) { id } }`;
const ARCHIVE = `mutation ($id: ID!) { archiveProduct(id: $id) { id } }`;

interface Changed {
  productChanged: { id: string; name: string; status: string; price: { amount: number; currency: string; formatted: string } };
}

let bus: EventBus;
let h: ProductsHarness;
let client: ReturnType<typeof wsClient>;
let categoryId: string;
const feeds: Array<Received<Changed>> = [];
let skus = 0;

beforeAll(async () => {
  bus = createInMemoryEventBus();
  h = await startProductsHarness({ seed: false, bus });
  client = wsClient(h.url);
  const category = await h.query<{ createCategory: { id: string } }>(CREATE_CATEGORY, { input: { name: 'Live Laptops' } }, h.adminToken);
  categoryId = category.data!.createCategory.id;
});
afterEach(async () => {
  for (const feed of feeds.splice(0)) feed.dispose();
  await liveSubscriptions(0);
});
afterAll(async () => {
  await client?.dispose();
  await h?.stop();
  await bus?.close();
});

async function createProduct(name: string): Promise<string> {
  skus += 1;
  const input = { sku: `LIVE-${skus}`, name, description: 'Watched.', price: { amount: 99_900, currency: 'USD' }, categoryId, weight: 1_000 };
  const response = await h.query<{ createProduct: { id: string } }>(CREATE, { input }, h.adminToken);
  expect(response.errors).toBeUndefined();
  return response.data!.createProduct.id;
}

async function mutate(query: string, variables: Record<string, unknown>): Promise<void> {
  expect((await h.query(query, variables, h.adminToken)).errors).toBeUndefined();
}

function follow(productIds: string[]): Received<Changed> {
  const feed = subscribe<Changed>(client, PRODUCT_CHANGED, { productIds });
  feeds.push(feed);
  return feed;
}

/** Subscribed means live: the subgraph counts a subscription once its pub/sub stream is in place. */
function liveSubscriptions(count: number): Promise<void> {
  return eventually(async () => (await metricValue(h.subgraph.metricsUrl!, 'graphql_subscriptions_active')) === count, `${count} live subscription(s)`);
}

async function received(feed: Received<Changed>, count: number): Promise<Array<Changed['productChanged']>> {
  await eventually(() => feed.results.length >= count, `${count} result(s); got ${JSON.stringify(feed.results)}`);
  return feed.results.map((result) => {
    expect(result.errors).toBeUndefined();
    return result.data!.productChanged;
  });
}

describe('productChanged on the products subgraph', () => {
  it('delivers each committed edit once, a reprice included, as the product now reads; only to its followers', async () => {
    const watched = await createProduct('Live Laptop 14');
    const other = await createProduct('Live Laptop 16');
    const feed = follow([watched]);
    const otherFeed = follow([other]);
    await liveSubscriptions(2);

    // Each event is delivered in order on its subscription: had the other product's edit (committed first)
    // reached this feed, it would come before the reprice.
    await mutate(UPDATE, { id: other, input: { weight: 1_100 } });
    await mutate(UPDATE, { id: watched, input: { price: { amount: 89_900, currency: 'USD' } } });
    const repriced = { id: watched, name: 'Live Laptop 14', status: 'ACTIVE', price: { amount: 89_900, currency: 'USD', formatted: '$899.00' } };
    expect(await received(feed, 1)).toEqual([repriced]);
    expect(await received(otherFeed, 1)).toEqual([expect.objectContaining({ id: other })]);

    // A reprice is one message, not two (its product-updated and price-changed events are one change).
    await mutate(UPDATE, { id: watched, input: { name: 'Live Laptop 14 (2026)' } });
    expect(await received(feed, 2)).toEqual([repriced, { ...repriced, name: 'Live Laptop 14 (2026)' }]);
  });

  it('delivers an archiving with the new status, and follows an archived product; an edit that changes nothing says nothing', async () => {
    const product = await createProduct('Live Laptop 13');
    const fence = await createProduct('Live Fence');
    const feed = follow([product.toUpperCase(), product, fence]);
    await liveSubscriptions(1);

    await mutate(UPDATE, { id: product, input: { name: 'Live Laptop 13' } });
    await mutate(ARCHIVE, { id: product });
    await mutate(ARCHIVE, { id: product });
    await mutate(UPDATE, { id: fence, input: { weight: 900 } });

    const [archived, fenced] = await received(feed, 2);
    expect(archived).toEqual(expect.objectContaining({ id: product, status: 'ARCHIVED' }));
    expect(fenced).toEqual(expect.objectContaining({ id: fence }));
    expect(feed.results).toHaveLength(2);

    // Archived products still resolve by id (past orders), so a page may keep following one.
    const again = follow([product]);
    await liveSubscriptions(2);
    await mutate(UPDATE, { id: product, input: { description: 'Sold out for good.' } });
    expect(await received(again, 1)).toEqual([expect.objectContaining({ id: product, status: 'ARCHIVED' })]);
  });

  it('refuses an empty list, more than 100 ids, a malformed or an unknown id with BAD_USER_INPUT naming the argument', async () => {
    const known = await createProduct('Live Laptop 15');
    const unknown = randomUUID();
    const cases: Array<[string[], string, string]> = [
      [[], 'productIds must name 1 to 100 products; got 0.', 'productIds'],
      [Array.from({ length: 101 }, () => known), 'productIds must name 1 to 100 products; got 101.', 'productIds'],
      [[known, 'not-a-product-id'], 'productIds[1] is not a product id.', 'productIds[1]'],
      [[known, unknown], `productIds[1] "${unknown}" is not a product of this catalog.`, 'productIds[1]'],
    ];
    for (const [productIds, message, field] of cases) {
      const feed = follow(productIds);
      expect(await feed.ended).toEqual({ completed: true });
      expect(feed.results).toEqual([{ errors: [expect.objectContaining({ message, path: ['productChanged'], extensions: { code: 'BAD_USER_INPUT', field } })] }]);
    }
  });
});
