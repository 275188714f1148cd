import { generateCatalog } from '@techally/demo-data';
import { errorCodes, type GraphQLResponse } from '@techally/testing';
import { createServer } from 'node:net';
import { startInventoryHarness, type InventoryHarness } from '../../__tests__/inventory-harness';
import { DEMO_WAREHOUSES, generateDemoStock } from '../../seed/demo-stock';

const catalog = generateCatalog();
const levels = generateDemoStock(catalog);
const [LONDON, NEWARK] = DEMO_WAREHOUSES;
const archived = catalog.products.find((product) => product.status === 'ARCHIVED')!;
/** Active products the seed put in London (with stock) but not in Newark. */
const londonOnly = catalog.products.filter(
  (product) =>
    levels.some((level) => level.productId === product.id && level.warehouseId === LONDON!.id && level.onHand > 0) &&
    !levels.some((level) => level.productId === product.id && level.warehouseId === NEWARK!.id),
);
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

const ADJUST = `mutation ($input: AdjustStockInput!) {
  adjustStock(input: $input) {
    warehouse { id code }
    product { id inStock inventory { available } }
    onHand reserved available updatedAt
  }
}`;

interface Adjusted {
  adjustStock: {
    warehouse: { id: string; code: string };
    product: { id: string; inStock: boolean; inventory: { available: number } };
    onHand: number;
    reserved: number;
    available: number;
    updatedAt: string;
  };
}

interface State {
  level: { on_hand: number; reserved: number } | null;
  adjustments: number;
}

let h: InventoryHarness;

beforeAll(async () => {
  h = await startInventoryHarness();
});
afterAll(() => h?.stop());

/** As the admin unless another token, or null for an anonymous call, is given. */
function adjust(input: Record<string, unknown>, token: string | null = h.adminToken): Promise<GraphQLResponse<Adjusted>> {
  return h.query<Adjusted>(ADJUST, { input: { reason: 'CORRECTION', ...input } }, token ?? undefined);
}

/** The stock row and the number of audit rows of one product in one warehouse: what "nothing written" compares. */
async function stateOf(productId: string, warehouseId: string): Promise<State> {
  const [level] = await h.sql<{ on_hand: number; reserved: number }>(
    `select on_hand, reserved from inventory.stock_level where product_id = ? and warehouse_id = ?`,
    [productId, warehouseId],
  );
  const [audit] = await h.sql<{ count: number }>(
    `select count(*)::int as count from inventory.stock_adjustment where product_id = ? and warehouse_id = ?`,
    [productId, warehouseId],
  );
  return { level: level ?? null, adjustments: audit!.count };
}

describe('adjustStock: the change and its audit row', () => {
  const product = londonOnly[0]!;
  const seeded = levels.find((level) => level.productId === product.id && level.warehouseId === LONDON!.id)!;

  it('adds units to a warehouse that holds the product and answers the new figures', async () => {
    const response = await adjust({ productId: product.id, warehouseId: LONDON!.id, delta: 25, reason: 'RECEIVED', note: '  PO-4471  ' });
    expect(response.errors).toBeUndefined();
    expect(response.data?.adjustStock).toEqual({
      warehouse: { id: LONDON!.id, code: 'LON-1' },
      product: { id: product.id, inStock: true, inventory: { available: seeded.onHand + 25 } },
      onHand: seeded.onHand + 25,
      reserved: 0,
      available: seeded.onHand + 25,
      updatedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
  });

  it('records who changed what, why and the figure after, with the note trimmed', async () => {
    const rows = await h.sql(
      `select delta, reason, note, actor_id, on_hand_after from inventory.stock_adjustment
       where product_id = ? and warehouse_id = ? order by created_at desc limit 1`,
      [product.id, LONDON!.id],
    );
    expect(rows).toEqual([{ delta: 25, reason: 'RECEIVED', note: 'PO-4471', actor_id: h.adminId, on_hand_after: seeded.onHand + 25 }]);
  });

  it('takes units away, down to exactly what is reserved', async () => {
    await h.sql(`update inventory.stock_level set reserved = 4 where product_id = ? and warehouse_id = ?`, [product.id, LONDON!.id]);
    const response = await adjust({ productId: product.id, warehouseId: LONDON!.id, delta: -(seeded.onHand + 25 - 4), reason: 'DAMAGED' });
    expect(response.errors).toBeUndefined();
    expect(response.data?.adjustStock).toMatchObject({ onHand: 4, reserved: 4, available: 0, product: { inStock: false } });
    const [last] = await h.sql(
      `select reason, note, on_hand_after from inventory.stock_adjustment where product_id = ? and warehouse_id = ? order by created_at desc limit 1`,
      [product.id, LONDON!.id],
    );
    expect(last).toEqual({ reason: 'DAMAGED', note: null, on_hand_after: 4 });
  });

  it('creates the stock row on a first delivery to a warehouse that never held the product', async () => {
    expect(await stateOf(product.id, NEWARK!.id)).toEqual({ level: null, adjustments: 0 });
    const response = await adjust({ productId: product.id, warehouseId: NEWARK!.id, delta: 6, reason: 'RECEIVED' });
    expect(response.data?.adjustStock).toMatchObject({ warehouse: { code: 'EWR-1' }, onHand: 6, reserved: 0, available: 6 });
    expect(await stateOf(product.id, NEWARK!.id)).toEqual({ level: { on_hand: 6, reserved: 0 }, adjustments: 1 });
  });

  it('accepts stock for an archived product (it may still be on a shelf, to be written off)', async () => {
    const response = await adjust({ productId: archived.id, warehouseId: LONDON!.id, delta: 2, reason: 'RETURNED' });
    expect(response.data?.adjustStock).toMatchObject({ onHand: 2, product: { id: archived.id } });
  });

  it('shows each adjustment of one operation the figures the previous one left', async () => {
    const twice = `mutation ($input: AdjustStockInput!) {
      first: adjustStock(input: $input) { onHand product { inventory { available } } }
      second: adjustStock(input: $input) { onHand product { inventory { available } } }
    }`;
    const before = (await stateOf(product.id, NEWARK!.id)).level!.on_hand;
    const response = await h.query(twice, { input: { productId: product.id, warehouseId: NEWARK!.id, delta: 3, reason: 'RECEIVED' } }, h.adminToken);
    expect(response.errors).toBeUndefined();
    expect(response.data).toEqual({
      first: { onHand: before + 3, product: { inventory: { available: expect.any(Number) } } },
      second: { onHand: before + 6, product: { inventory: { available: expect.any(Number) } } },
    });
    const data = response.data as { first: { product: { inventory: { available: number } } }; second: { product: { inventory: { available: number } } } };
    expect(data.second.product.inventory.available - data.first.product.inventory.available).toBe(3);
  });

  it('asks the products subgraph with the caller’s credentials and request id', async () => {
    const calls = h.products!.calls;
    calls.length = 0;
    await adjust({ productId: product.id, warehouseId: NEWARK!.id, delta: 1 });
    expect(calls).toEqual([
      { authorization: `Bearer ${h.adminToken}`, requestId: expect.any(String), representations: [{ __typename: 'Product', id: product.id }] },
    ]);
  });
});

describe('adjustStock: refusals, each writing nothing', () => {
  const product = londonOnly[1]!;
  const other = londonOnly[2]!;
  let before: State;

  beforeAll(async () => {
    await h.sql(`update inventory.stock_level set on_hand = 8, reserved = 3 where product_id = ? and warehouse_id = ?`, [product.id, LONDON!.id]);
    before = await stateOf(product.id, LONDON!.id);
  });

  afterEach(async () => {
    expect(await stateOf(product.id, LONDON!.id)).toEqual(before);
  });

  it('refuses an anonymous caller with UNAUTHENTICATED and a customer with FORBIDDEN', async () => {
    expect(errorCodes(await adjust({ productId: product.id, warehouseId: LONDON!.id, delta: 1 }, null))).toEqual(['UNAUTHENTICATED']);
    expect(errorCodes(await adjust({ productId: product.id, warehouseId: LONDON!.id, delta: 1 }, h.customerToken))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await adjust({ productId: product.id, warehouseId: LONDON!.id, delta: 1 }, h.foreignToken))).toEqual(['UNAUTHENTICATED']);
  });

  it.each([0, 1_000_001, -1_000_001])('refuses a delta of %d with BAD_USER_INPUT naming delta, before asking products', async (delta) => {
    const calls = h.products!.calls.length;
    const response = await adjust({ productId: product.id, warehouseId: LONDON!.id, delta });
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors?.[0]?.extensions).toMatchObject({ field: 'delta' });
    expect(response.errors?.[0]?.message).toContain('delta must be a whole number of units');
    expect(h.products!.calls.length).toBe(calls);
  });

  it('accepts the largest deltas allowed', async () => {
    const response = await adjust({ productId: other.id, warehouseId: LONDON!.id, delta: 1_000_000 });
    expect(response.data?.adjustStock.onHand).toBeGreaterThanOrEqual(1_000_000);
    const back = await adjust({ productId: other.id, warehouseId: LONDON!.id, delta: -1_000_000 });
    expect(back.errors).toBeUndefined();
  });

  it('refuses a note over 500 characters with BAD_USER_INPUT naming note', async () => {
    const response = await adjust({ productId: product.id, warehouseId: LONDON!.id, delta: 1, note: 'x'.repeat(501) });
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors?.[0]?.extensions).toMatchObject({ field: 'note' });
  });

  it.each([
    ['an unknown', '5b0e7c1a-3f2d-4e8b-9a61-7d2c0000ffff'],
    ['a malformed', 'LON-1'],
  ])('refuses %s warehouse with BAD_USER_INPUT naming warehouseId', async (_kind, warehouseId) => {
    const response = await adjust({ productId: product.id, warehouseId, delta: 1 });
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors?.[0]?.extensions).toMatchObject({ field: 'warehouseId' });
    expect(await h.sql(`select 1 from inventory.stock_level where warehouse_id::text = ?`, [warehouseId])).toEqual([]);
  });

  it.each([
    ['an unknown', UNKNOWN_ID],
    ['a malformed', 'SNY-WH1000XM5-BLK'],
  ])('refuses %s product with BAD_USER_INPUT naming productId', async (_kind, productId) => {
    const response = await adjust({ productId, warehouseId: LONDON!.id, delta: 1 });
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors?.[0]?.extensions).toMatchObject({ field: 'productId' });
    expect(await h.sql(`select 1 from inventory.stock_adjustment where product_id::text = ?`, [productId])).toEqual([]);
  });

  it('refuses taking more than is on hand with NEGATIVE_STOCK giving the current figures', async () => {
    const response = await adjust({ productId: product.id, warehouseId: LONDON!.id, delta: -9 });
    expect(errorCodes(response)).toEqual(['NEGATIVE_STOCK']);
    expect(response.errors?.[0]?.message).toBe(
      `Cannot change the stock of product ${product.id} at LON-1 by -9: it has 8 on hand, 3 of them reserved, ` +
        `so at most 5 can be taken out. Nothing was changed.`,
    );
    expect(response.errors?.[0]?.extensions).toEqual({
      code: 'NEGATIVE_STOCK',
      field: 'delta',
      productId: product.id,
      warehouseId: LONDON!.id,
      delta: -9,
      onHand: 8,
      reserved: 3,
    });
  });

  it('refuses taking units that are reserved for orders with NEGATIVE_STOCK', async () => {
    const response = await adjust({ productId: product.id, warehouseId: LONDON!.id, delta: -6 });
    expect(errorCodes(response)).toEqual(['NEGATIVE_STOCK']);
    expect(response.errors?.[0]?.extensions).toMatchObject({ onHand: 8, reserved: 3 });
  });

  it('refuses taking units from a warehouse that never held the product, creating no row', async () => {
    const response = await adjust({ productId: product.id, warehouseId: NEWARK!.id, delta: -1 });
    expect(errorCodes(response)).toEqual(['NEGATIVE_STOCK']);
    expect(response.errors?.[0]?.extensions).toMatchObject({ onHand: 0, reserved: 0 });
    expect(await stateOf(product.id, NEWARK!.id)).toEqual({ level: null, adjustments: 0 });
  });

  it('answers SERVICE_UNAVAILABLE when the products subgraph fails', async () => {
    h.products!.failing = true;
    try {
      const response = await adjust({ productId: product.id, warehouseId: LONDON!.id, delta: 1 });
      expect(errorCodes(response)).toEqual(['SERVICE_UNAVAILABLE']);
      expect(response.errors?.[0]?.message).toBe('The products service is unavailable right now; try again shortly.');
    } finally {
      h.products!.failing = false;
    }
  });
});

describe('adjustStock while the products subgraph is down', () => {
  let down: InventoryHarness;

  beforeAll(async () => {
    down = await startInventoryHarness({ productsUrl: `http://127.0.0.1:${await closedPort()}/graphql` });
  });
  afterAll(() => down?.stop());

  it('answers SERVICE_UNAVAILABLE and writes nothing', async () => {
    const product = londonOnly[0]!;
    const count = () => down.sql<{ count: number }>(`select count(*)::int as count from inventory.stock_adjustment`);
    const adjustmentsBefore = await count();
    const response = await down.query(
      ADJUST,
      { input: { productId: product.id, warehouseId: LONDON!.id, delta: 5, reason: 'RECEIVED' } },
      down.adminToken,
    );
    expect(errorCodes(response)).toEqual(['SERVICE_UNAVAILABLE']);
    expect(await count()).toEqual(adjustmentsBefore);
  });
});

/** A port nothing listens on: bound, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
