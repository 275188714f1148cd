import { randomUUID } from 'node:crypto';
import {
  createInMemoryEventBus,
  createRedisEventBus,
  type AnyEventEnvelope,
  type EventBus,
  type EventType,
  type Subscription,
} from '@techally/events';
import { busMatrix, errorCodes } from '@techally/testing';
import { startProductsHarness, type ProductsHarness } from './products-harness';

/**
 * The catalogue's events (issue #10, the cache that is never stale): each admin mutation that changes public
 * catalogue data commits exactly the events that describe the change, once, in its own transaction; the
 * outbox relay publishes them. A refused or rolled-back mutation, and one that changes nothing, emits nothing.
 * On the in-memory bus always; on Redis Streams when REDIS_URL is set (a key prefix of this file's own).
 */
const PRODUCTS_EVENTS: EventType[] = [
  'products.product-created.v1',
  'products.product-updated.v1',
  'products.price-changed.v1',
  'products.product-archived.v1',
  'products.category-changed.v1',
];

const CREATE_CATEGORY = `mutation ($input: CreateCategoryInput!) { createCategory(input: $input) { id } }`;
const CREATE = `mutation ($input: CreateProductInput!) { createProduct(input: $input) { id sku } }`;
const UPDATE = `mutation ($id: ID!, $input: UpdateProductInput!) { updateProduct(id: $id, input: $input) { id } }`;
const ARCHIVE = `mutation ($id: ID!) { archiveProduct(id: $id) { id status } }`;

const buses = busMatrix<EventBus>('products-catalog-events', {
  memory: () => createInMemoryEventBus(),
  redis: (url, keyPrefix) => createRedisEventBus({ url, keyPrefix }),
});
afterAll(() => buses.cleanup());

describe.each(buses.cases)('the products subgraph’s events on %s', (_, makeBus) => {
  const run = makeBus ? it : it.skip;
  let bus: EventBus;
  let h: ProductsHarness;
  let subscription: Subscription;
  const received: AnyEventEnvelope[] = [];
  let laptops: string;
  let tablets: string;
  let skuCounter = 0;

  beforeAll(async () => {
    if (!makeBus) return;
    bus = makeBus();
    h = await startProductsHarness({ seed: false, bus });
    subscription = await bus.subscribe({
      group: 'test.catalog-events',
      consumer: 'test.catalog-events-1',
      types: PRODUCTS_EVENTS,
      handler: async (event) => void received.push(event as AnyEventEnvelope),
    });
    [laptops, tablets] = [await createCategory('Laptops'), await createCategory('Tablets')];
  });
  afterAll(async () => {
    await subscription?.stop();
    await h?.stop();
    await bus?.close();
  });

  async function createCategory(name: string, parentId?: string): Promise<string> {
    const response = await h.query<{ createCategory: { id: string } }>(
      CREATE_CATEGORY,
      { input: { name, ...(parentId ? { parentId } : {}) } },
      h.adminToken,
    );
    expect(response.errors).toBeUndefined();
    return response.data!.createCategory.id;
  }

  /**
   * Every event about `aggregateId` the bus delivered, once everything committed so far has been: a fresh
   * category's event is committed last, and one domain's stream delivers in commit order, so once it arrived
   * nothing earlier is still on its way.
   */
  async function deliveredAbout(aggregateId: string): Promise<Array<Pick<AnyEventEnvelope, 'type' | 'payload'>>> {
    const fence = await createCategory(`Fence ${randomUUID()}`);
    const deadline = Date.now() + 20_000;
    while (!received.some((event) => event.aggregateId === fence)) {
      if (Date.now() > deadline) throw new Error('timed out waiting for the fence category’s event');
      await new Promise((resolve) => setTimeout(resolve, 15));
    }
    return received.filter((event) => event.aggregateId === aggregateId).map(({ type, payload }) => ({ type, payload }));
  }

  async function outboxTypes(aggregateId: string): Promise<string[]> {
    const rows = await h.sql<{ type: string }>(`select type from products.outbox where aggregate_id = ? order by position`, [aggregateId]);
    return rows.map((row) => row.type);
  }

  function newProduct(overrides: Record<string, unknown> = {}): Record<string, unknown> {
    skuCounter += 1;
    return {
      sku: `EVT-${String(skuCounter).padStart(4, '0')}`,
      name: `Event Laptop ${skuCounter}`,
      description: 'A laptop that tells everyone.',
      price: { amount: 129_900, currency: 'USD' },
      categoryId: laptops,
      weight: 1_250,
      ...overrides,
    };
  }

  async function createProduct(overrides: Record<string, unknown> = {}): Promise<{ id: string; sku: string }> {
    const response = await h.query<{ createProduct: { id: string; sku: string } }>(CREATE, { input: newProduct(overrides) }, h.adminToken);
    expect(response.errors).toBeUndefined();
    return response.data!.createProduct;
  }

  function update(id: string, input: Record<string, unknown>, token = h.adminToken) {
    return h.query(UPDATE, { id, input }, token);
  }

  run('createCategory: one products.category-changed.v1 naming the category and its parent', async () => {
    const accessories = await createCategory('Laptop Accessories', laptops);
    expect(await deliveredAbout(accessories)).toEqual([
      { type: 'products.category-changed.v1', payload: { categoryId: accessories, parentId: laptops } },
    ]);
    expect(await deliveredAbout(laptops)).toEqual([
      { type: 'products.category-changed.v1', payload: { categoryId: laptops, parentId: null } },
    ]);
  });

  run('createProduct: one products.product-created.v1, carrying the request id', async () => {
    const product = await createProduct();
    expect(await deliveredAbout(product.id)).toEqual([
      { type: 'products.product-created.v1', payload: { productId: product.id, sku: product.sku, categoryId: laptops } },
    ]);
    const [row] = await h.sql<{ metadata: Record<string, unknown> }>(`select metadata from products.outbox where aggregate_id = ?`, [product.id]);
    expect(row!.metadata['requestId']).toEqual(expect.any(String));
  });

  run('updateProduct: one product-updated naming exactly the changed fields, and one price-changed', async () => {
    const product = await createProduct();
    const edit = await update(product.id, {
      name: 'Event Laptop, renamed',
      description: 'A laptop that tells everyone.', // unchanged: not named
      price: { amount: 119_900, currency: 'USD' },
      weight: 1_300,
    });
    expect(edit.errors).toBeUndefined();
    const identity = { productId: product.id, sku: product.sku, categoryId: laptops };
    expect((await deliveredAbout(product.id)).slice(1)).toEqual([
      { type: 'products.product-updated.v1', payload: { ...identity, previousCategoryId: null, changedFields: ['name', 'price', 'weight'] } },
      {
        type: 'products.price-changed.v1',
        payload: { ...identity, price: { amount: 119_900, currency: 'USD' }, previousPrice: { amount: 129_900, currency: 'USD' } },
      },
    ]);
  });

  run('updateProduct: a new category is named with the one it left; a currency change is a price change', async () => {
    const product = await createProduct();
    expect((await update(product.id, { categoryId: tablets, slug: `moved-${product.sku.toLowerCase()}` })).errors).toBeUndefined();
    expect((await update(product.id, { price: { amount: 129_900, currency: 'EUR' } })).errors).toBeUndefined();
    const identity = { productId: product.id, sku: product.sku, categoryId: tablets };
    expect((await deliveredAbout(product.id)).slice(1)).toEqual([
      { type: 'products.product-updated.v1', payload: { ...identity, previousCategoryId: laptops, changedFields: ['slug', 'category'] } },
      { type: 'products.product-updated.v1', payload: { ...identity, previousCategoryId: null, changedFields: ['price'] } },
      {
        type: 'products.price-changed.v1',
        payload: { ...identity, price: { amount: 129_900, currency: 'EUR' }, previousPrice: { amount: 129_900, currency: 'USD' } },
      },
    ]);
  });

  run('updateProduct that changes nothing, or archiving an archived product: no event', async () => {
    const product = await createProduct({ name: 'Steady Laptop' });
    const same = await update(product.id, {
      name: 'Steady Laptop',
      price: { amount: 129_900, currency: 'USD' },
      categoryId: laptops,
      weight: 1_250,
    });
    expect(same.errors).toBeUndefined();
    expect((await update(product.id, {})).errors).toBeUndefined();
    expect((await h.query(ARCHIVE, { id: product.id }, h.adminToken)).errors).toBeUndefined();
    expect((await h.query(ARCHIVE, { id: product.id }, h.adminToken)).errors).toBeUndefined();
    expect(await deliveredAbout(product.id)).toEqual([
      { type: 'products.product-created.v1', payload: { productId: product.id, sku: product.sku, categoryId: laptops } },
      { type: 'products.product-archived.v1', payload: { productId: product.id, sku: product.sku, categoryId: laptops } },
    ]);
    expect(await outboxTypes(product.id)).toEqual(['products.product-created.v1', 'products.product-archived.v1']);
  });

  run('a refused mutation emits nothing: bad input, a customer, an unknown id, a unique index that rolls back', async () => {
    const product = await createProduct();
    const other = await createProduct();
    const otherSlug = (await h.sql<{ slug: string }>(`select slug from products.product where id = ?`, [other.id]))[0]!.slug;
    expect(errorCodes(await update(product.id, { price: { amount: -1, currency: 'USD' } }))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await update(product.id, { categoryId: randomUUID() }))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await update(product.id, { name: 'Mine now' }, h.customerToken))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await h.query(ARCHIVE, { id: product.id }, h.customerToken))).toEqual(['FORBIDDEN']);
    // Reaches the database: the unique index refuses the slug and the whole flush (the name too) rolls back.
    expect(errorCodes(await update(product.id, { name: 'Renamed in vain', slug: otherSlug }))).toEqual(['SLUG_TAKEN']);
    expect(errorCodes(await update(randomUUID(), { name: 'Nobody' }))).toEqual(['NOT_FOUND']);
    const duplicate = await h.query(CREATE, { input: newProduct({ sku: product.sku }) }, h.adminToken);
    expect(errorCodes(duplicate)).toEqual(['SKU_TAKEN']);
    expect(errorCodes(await h.query(CREATE_CATEGORY, { input: { name: 'Nope' } }, h.customerToken))).toEqual(['FORBIDDEN']);

    expect((await deliveredAbout(product.id)).map((event) => event.type)).toEqual(['products.product-created.v1']);
    expect(await outboxTypes(product.id)).toEqual(['products.product-created.v1']);
    // No second product-created for the duplicate SKU, and no category event without its category.
    expect(await h.sql(`select type from products.outbox where payload->>'sku' = ?`, [product.sku])).toEqual([
      { type: 'products.product-created.v1' },
    ]);
    const [counts] = await h.sql<{ events: number; categories: number }>(
      `select (select count(*)::int from products.outbox where type = 'products.category-changed.v1') as events,
              (select count(*)::int from products.category) as categories`,
    );
    expect(counts!.events).toBe(counts!.categories);
  });
});
