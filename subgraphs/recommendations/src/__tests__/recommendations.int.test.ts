import { randomUUID } from 'node:crypto';
import { createEvent, createInMemoryEventBus, type EnvelopeOf, type EventBus } from '@techally/events';
import { createLogger } from '@techally/platform';
import {
  bearer,
  countStatements,
  createTestDatabase,
  createTestSigningKey,
  errorCodes,
  postGraphQL,
  signTestToken,
  type TestDatabase,
  type TestSigningKey,
} from '@techally/testing';
import { createLocalJWKSet } from 'jose';
import { createRecommendationsSubgraph, loadRecommendationsConfig, PurchaseFacts, type RecommendationsSubgraph } from '..';
import { LEARN_PURCHASES, learnPurchasesConsumer, LEARNING_EVENT_TYPES } from '../learning/learn-purchases.consumer';
import { MAX_VIEWS_KEPT } from '../recommendation/product-views';

// One subgraph on a database of this file's own, on an in-memory bus (README.md): the counts the consumer keeps
// on the real PostgreSQL, what each list answers from them, and who may ask what.
const ISSUER = 'https://techally.test/users';
const AUDIENCE = 'techally-graph-test';

type Learning = (typeof LEARNING_EVENT_TYPES)[number];
interface Caller {
  readonly userId: string;
  readonly token: string;
}

let database: TestDatabase;
let key: TestSigningKey;
let bus: EventBus;
let subgraph: RecommendationsSubgraph;
let url: string;
const learned: Array<() => void> = [];

beforeAll(async () => {
  database = await createTestDatabase();
  key = await createTestSigningKey('recommendations-test');
  bus = createInMemoryEventBus();
  const config = loadRecommendationsConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATABASE_URL: database.url,
    DATABASE_POOL_MAX: String(database.poolMax),
    JWT_ISSUER: ISSUER,
    JWT_AUDIENCE: AUDIENCE,
  });
  subgraph = await createRecommendationsSubgraph(config, {
    logger: createLogger({ name: 'recommendations', level: (process.env['RECOMMENDATIONS_TEST_LOG_LEVEL'] as 'error' | undefined) ?? 'silent' }),
    accessTokenKeys: createLocalJWKSet({ keys: [key.publicJwk] }),
    processMetrics: false,
    bus,
    onLearned: () => learned.splice(0).forEach((wake) => wake()),
  });
  await subgraph.migrate();
  url = await subgraph.listen(0);
}, 60_000);

afterAll(async () => {
  await subgraph?.stop();
  await bus?.close();
  await database?.drop();
});

async function caller(roles: string[] = ['CUSTOMER']): Promise<Caller> {
  const userId = randomUUID();
  return { userId, token: await signTestToken(key, { sub: userId, roles, issuer: ISSUER, audience: AUDIENCE }) };
}

const sql = <Row = Record<string, unknown>>(statement: string, params: unknown[] = []) =>
  subgraph.orm.em.fork().getConnection().execute<Row[]>(statement, params);

let minute = 0;
const next = () => ({ occurredAt: new Date(Date.UTC(2026, 11, 7, 10, minute++)) });
const total = { amount: 15_900, currency: 'USD' };

function paid(customerId: string, productIds: string[], orderId = randomUUID()) {
  const items = productIds.map((productId) => ({ productId, quantity: 1 }));
  return createEvent('orders.order-paid.v1', orderId, { orderId, customerId, items, total }, {}, next());
}
function created(productId: string, categoryId: string, when = next()) {
  return createEvent('products.product-created.v1', productId, { productId, sku: 'SKU-1', categoryId }, {}, when);
}
function updated(productId: string, categoryId: string, previousCategoryId: string, when = next()) {
  return createEvent('products.product-updated.v1', productId, { productId, sku: 'SKU-1', categoryId, previousCategoryId, changedFields: ['category'] }, {}, when);
}
function archived(productId: string, categoryId: string) {
  return createEvent('products.product-archived.v1', productId, { productId, sku: 'SKU-1', categoryId }, {}, next());
}

const deliver = (event: EnvelopeOf<Learning>) =>
  learnPurchasesConsumer(subgraph.orm).handle(event, { deliveries: 1, group: LEARN_PURCHASES, consumer: 'test' });
async function deliverAll(events: Array<EnvelopeOf<Learning>>): Promise<void> {
  for (const event of events) await deliver(event);
}

const ids = (count: number) => Array.from({ length: count }, () => randomUUID());

function query<Data>(as: Caller | null, operation: string, variables: Record<string, unknown> = {}) {
  return postGraphQL<Data>(url, operation, variables, as ? bearer(as.token) : {});
}

const ALSO_BOUGHT = `query AlsoBought($ids: [_Any!]!, $first: Int) {
  _entities(representations: $ids) { ... on Product { id alsoBought(first: $first) { id } } }
}`;
async function alsoBought(productIds: string[], first?: number): Promise<string[][]> {
  const representations = productIds.map((id) => ({ __typename: 'Product', id }));
  const response = await query<{ _entities: Array<{ alsoBought: Array<{ id: string }> }> }>(null, ALSO_BOUGHT, { ids: representations, first });
  if (!response.data) throw new Error(JSON.stringify(response.errors));
  return response.data._entities.map((entity) => entity.alsoBought.map((product) => product.id));
}

const RECOMMENDED = `query Recommended($id: ID!, $first: Int) {
  _entities(representations: [{ __typename: "User", id: $id }]) { ... on User { recommendedProducts(first: $first) { id } } }
}`;
function recommendedQuery(as: Caller | null, userId: string, first?: number) {
  return query<{ _entities: Array<{ recommendedProducts: Array<{ id: string }> } | null> }>(as, RECOMMENDED, { id: userId, first });
}
async function recommendedFor(customer: Caller, first?: number): Promise<string[]> {
  const response = await recommendedQuery(customer, customer.userId, first);
  if (!response.data?._entities[0]) throw new Error(JSON.stringify(response.errors));
  return response.data._entities[0].recommendedProducts.map((product) => product.id);
}

const POPULAR = 'query Popular($categoryId: ID, $first: Int) { popularProducts(categoryId: $categoryId, first: $first) { id } }';
async function popular(variables: { categoryId?: string; first?: number } = {}): Promise<string[]> {
  const response = await query<{ popularProducts: Array<{ id: string }> }>(null, POPULAR, variables);
  if (!response.data) throw new Error(JSON.stringify(response.errors));
  return response.data.popularProducts.map((product) => product.id);
}

const VIEWED = 'mutation Viewed($productId: ID!) { productViewed(productId: $productId) }';

describe('Product.alsoBought', () => {
  it('ranks what is bought together above a best-seller that lands in every basket, never the product itself', async () => {
    const [camera, lens, bag, bestSeller, filler] = ids(5);
    const shopper = randomUUID();
    // The camera and the lens are a bundle (4 orders); the best-seller is in 30 orders, 5 of them with the camera.
    const events = [
      ...Array.from({ length: 4 }, () => paid(shopper, [camera!, lens!])),
      paid(shopper, [camera!, bag!, bestSeller!]),
      ...Array.from({ length: 4 }, () => paid(shopper, [camera!, bestSeller!])),
      ...Array.from({ length: 25 }, () => paid(shopper, [bestSeller!, filler!])),
      paid(shopper, [bag!]),
    ];
    await deliverAll(events);

    const [forCamera] = await alsoBought([camera!]);
    expect(forCamera![0]).toBe(lens);
    expect(forCamera).toEqual(expect.arrayContaining([lens, bag, bestSeller]));
    expect(forCamera).not.toContain(camera);
    // By raw co-occurrence the best-seller (5 orders with the camera) would beat the lens (4): cosine penalises it.
    expect(forCamera!.indexOf(bestSeller!)).toBeGreaterThan(forCamera!.indexOf(lens!));
    expect((await alsoBought([lens!]))[0]).toEqual([camera]);
  });

  it('changes within one event: an order paid makes its products each other’s partners', async () => {
    const [kettle, teapot] = ids(2);
    expect(await alsoBought([kettle!, teapot!])).toEqual([[], []]);
    await deliver(paid(randomUUID(), [kettle!, teapot!]));
    expect(await alsoBought([kettle!, teapot!])).toEqual([[teapot], [kettle]]);
  });

  it('learns from the bus, through the subgraph’s own consumer group', async () => {
    const [mouse, pad] = ids(2);
    const handled = new Promise<void>((resolve) => learned.push(resolve));
    await bus.publish(paid(randomUUID(), [mouse!, pad!]));
    await handled;
    expect(await alsoBought([mouse!])).toEqual([[pad]]);
  });

  it('never recommends an archived product, whether its archiving came before or after its orders', async () => {
    const [phone, caseA, caseB, charger] = ids(4);
    const category = randomUUID();
    // Out of order: caseA's archiving arrives before the order that bought it.
    await deliver(archived(caseA!, category));
    await deliverAll([paid(randomUUID(), [phone!, caseA!, caseB!, charger!]), paid(randomUUID(), [phone!, charger!])]);
    await deliver(archived(caseB!, category));

    expect(await alsoBought([phone!])).toEqual([[charger]]);
    expect(await popular({ categoryId: category })).toEqual([]);
    // Archiving is final: a late product-updated does not bring it back.
    await deliver(created(caseB!, category, { occurredAt: new Date(Date.UTC(2030, 0, 1)) }));
    expect(await alsoBought([phone!])).toEqual([[charger]]);
  });

  it('fills a new product’s list with the best-sellers of its category', async () => {
    const [newcomer, top, second, elsewhere] = ids(4);
    const [category, other] = ids(2);
    await deliverAll([created(newcomer!, category!), created(top!, category!), created(second!, category!), created(elsewhere!, other!)]);
    await deliverAll([paid(randomUUID(), [top!]), paid(randomUUID(), [top!]), paid(randomUUID(), [second!]), paid(randomUUID(), [elsewhere!])]);
    expect(await alsoBought([newcomer!])).toEqual([[top, second]]);
  });

  it('answers a listing of many products in one statement', async () => {
    const products = ids(20);
    for (let i = 0; i + 1 < products.length; i += 2) await deliver(paid(randomUUID(), [products[i]!, products[i + 1]!]));
    const counter = countStatements(subgraph.orm, { outsideTransactionsOnly: true });
    try {
      const lists = await alsoBought(products, 3);
      expect(lists).toEqual(products.map((_, i) => [products[i % 2 === 0 ? i + 1 : i - 1]]));
      expect(counter.statements).toHaveLength(1);
    } finally {
      counter.stop();
    }
  });

  it('refuses a "first" outside 1..50 with BAD_USER_INPUT', async () => {
    for (const first of [0, -1, 51]) {
      const response = await query(null, ALSO_BOUGHT, { ids: [{ __typename: 'Product', id: randomUUID() }], first });
      expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    }
  });
});

describe('counting each paid order once', () => {
  it('counts an order delivered twice at once, again later, and replayed past the inbox under a new event id, once', async () => {
    const [a, b] = ids(2);
    const order = randomUUID();
    const customer = randomUUID();
    const event = paid(customer, [a!, b!, a!], order);
    await Promise.all([deliver(event), deliver(event)]);
    await deliver(event);
    await deliver(paid(customer, [a!, b!], order));
    await subgraph.orm.em.fork().transactional((tx) => new PurchaseFacts(tx).paid(event.payload, new Date()));

    expect(await sql(`select "orders" from recommendations.product_orders where product_id = any(?::uuid[]) order by product_id`, [`{${a},${b}}`])).toEqual([
      { orders: 1 },
      { orders: 1 },
    ]);
    expect(await sql(`select "orders" from recommendations.co_purchase where product_id = ? and other_id = ?`, [a, b])).toEqual([{ orders: 1 }]);
    expect(await sql(`select "orders" from recommendations.customer_purchase where customer_id = ? and product_id = ?`, [customer, a])).toEqual([{ orders: 1 }]);
  });

  it('keeps the newest category of a product whatever order its events arrive in', async () => {
    const [product, first, second] = ids(3);
    const early = { occurredAt: new Date(Date.UTC(2026, 0, 1)) };
    const late = { occurredAt: new Date(Date.UTC(2026, 0, 2)) };
    await deliver(updated(product!, second!, first!, late));
    await deliver(created(product!, first!, early));
    await deliver(paid(randomUUID(), [product!]));
    expect(await popular({ categoryId: second })).toEqual([product]);
    expect(await popular({ categoryId: first })).toEqual([]);
  });
});

describe('User.recommendedProducts', () => {
  it('recommends what was bought with what the customer bought, never what they bought already', async () => {
    const [tent, stove, mat, lamp] = ids(4);
    const others = randomUUID();
    await deliverAll([paid(others, [tent!, stove!]), paid(others, [tent!, stove!, mat!]), paid(others, [lamp!])]);
    const camper = await caller();
    await deliver(paid(camper.userId, [tent!]));

    const list = await recommendedFor(camper);
    expect(list.slice(0, 2)).toEqual([stove, mat]);
    expect(list).not.toContain(tent);
  });

  it('gives a customer with no purchases the best-sellers', async () => {
    const newcomer = await caller();
    expect(await recommendedFor(newcomer, 5)).toEqual(await popular({ first: 5 }));
  });

  it('falls back to the best-sellers of the customer’s categories before the best-sellers overall', async () => {
    const [bought, peer] = ids(2);
    const category = randomUUID();
    await deliverAll([created(bought!, category), created(peer!, category)]);
    await deliverAll([paid(randomUUID(), [peer!]), paid(randomUUID(), [peer!])]);
    const loyal = await caller();
    await deliver(paid(loyal.userId, [bought!]));
    const list = await recommendedFor(loyal);
    expect(list[0]).toBe(peer);
    expect(list).not.toContain(bought);
  });

  it('is steered by the products the customer viewed', async () => {
    const [sofa, cushion] = ids(2);
    await deliverAll([paid(randomUUID(), [sofa!, cushion!]), paid(randomUUID(), [sofa!, cushion!])]);
    const browser = await caller();
    const response = await query<{ productViewed: boolean }>(browser, VIEWED, { productId: sofa });
    expect(response.data?.productViewed).toBe(true);
    expect((await recommendedFor(browser))[0]).toBe(cushion);
  });

  it('is for the customer themself: anonymous → UNAUTHENTICATED, anyone else (an administrator too) → FORBIDDEN', async () => {
    const owner = await caller();
    expect(errorCodes(await recommendedQuery(null, owner.userId))).toEqual(['UNAUTHENTICATED']);
    expect(errorCodes(await recommendedQuery(await caller(), owner.userId))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await recommendedQuery(await caller(['CUSTOMER', 'ADMIN']), owner.userId))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await recommendedQuery(owner, owner.userId, 51))).toEqual(['BAD_USER_INPUT']);
  });
});

describe('popularProducts', () => {
  it('refuses a malformed category id and a "first" outside 1..50 with BAD_USER_INPUT', async () => {
    for (const variables of [{ categoryId: 'not-a-uuid' }, { first: 0 }, { first: 51 }]) {
      expect(errorCodes(await query(null, POPULAR, variables))).toEqual(['BAD_USER_INPUT']);
    }
  });
});

describe('productViewed', () => {
  it('refuses anonymous callers and malformed ids, writing nothing', async () => {
    const viewer = await caller();
    expect(errorCodes(await query(null, VIEWED, { productId: randomUUID() }))).toEqual(['UNAUTHENTICATED']);
    expect(errorCodes(await query(viewer, VIEWED, { productId: 'x' }))).toEqual(['BAD_USER_INPUT']);
    expect(await sql(`select 1 from recommendations.product_view where viewer_id = ?`, [viewer.userId])).toEqual([]);
  });

  it('keeps one row per product viewed and at most the newest 50 per customer', async () => {
    const viewer = await caller();
    const products = ids(MAX_VIEWS_KEPT + 5);
    for (const productId of [...products, products[0]!]) await query(viewer, VIEWED, { productId });
    const rows = await sql<{ product_id: string }>(`select product_id from recommendations.product_view where viewer_id = ?`, [viewer.userId]);
    expect(rows).toHaveLength(MAX_VIEWS_KEPT);
    // The first product was viewed again last: it is among the newest; the next oldest were forgotten.
    expect(rows.map((row) => row.product_id)).toContain(products[0]);
    expect(rows.map((row) => row.product_id)).not.toContain(products[1]);
  });
});
