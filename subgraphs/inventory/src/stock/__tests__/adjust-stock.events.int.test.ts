import { generateCatalog } from '@techally/demo-data';
import { createInMemoryEventBus, type EventBus } from '@techally/events';
import { errorCodes } from '@techally/testing';
import { probeEvents, type EventProbe } from '../../__tests__/event-probe';
import { startInventoryHarness, type InventoryHarness } from '../../__tests__/inventory-harness';
import { DEMO_WAREHOUSES, generateDemoStock } from '../../seed/demo-stock';

/**
 * adjustStock feeds the live `stockChanged` subscription: every adjustment writes `inventory.stock-changed.v1`
 * in its own transaction, so the event exists exactly when the change does.
 */
const catalog = generateCatalog();
const levels = generateDemoStock(catalog);
const [LONDON, NEWARK, ROTTERDAM] = DEMO_WAREHOUSES;
/** Active products with stock in London and in no other warehouse. */
const londonOnly = catalog.products.filter(
  (product) =>
    levels.some((level) => level.productId === product.id && level.warehouseId === LONDON!.id && level.onHand > 0) &&
    !levels.some((level) => level.productId === product.id && level.warehouseId !== LONDON!.id),
);

const ADJUST = `mutation ($input: AdjustStockInput!) { adjustStock(input: $input) { onHand reserved } }`;

let bus: EventBus;
let h: InventoryHarness;
let probe: EventProbe;

beforeAll(async () => {
  bus = createInMemoryEventBus();
  h = await startInventoryHarness({ bus });
  probe = await probeEvents(bus, ['inventory.stock-changed.v1']);
});
afterAll(async () => {
  await probe?.stop();
  await h?.stop();
  await bus?.close();
});

function adjust(productId: string, warehouseId: string, delta: number, reason = 'CORRECTION') {
  return h.query(ADJUST, { input: { productId, warehouseId, delta, reason } }, h.adminToken);
}

async function stockChangedRows(productId: string): Promise<Array<{ payload: Record<string, unknown>; metadata: Record<string, unknown> }>> {
  return h.sql(`select payload, metadata from inventory.outbox where type = 'inventory.stock-changed.v1' and aggregate_id = ? order by position`, [productId]);
}

async function onHandIn(productId: string, warehouseId: string): Promise<number> {
  const [row] = await h.sql<{ on_hand: number }>(`select on_hand from inventory.stock_level where product_id = ? and warehouse_id = ?`, [productId, warehouseId]);
  return row!.on_hand;
}

async function warehouseRows(productId: string): Promise<Array<{ payload: Record<string, unknown>; metadata: Record<string, unknown> }>> {
  return h.sql(`select payload, metadata from inventory.outbox where type = 'inventory.warehouse-stock-changed.v1' and aggregate_id = ? order by position`, [
    productId,
  ]);
}

describe('adjustStock → inventory.stock-changed.v1', () => {
  it('writes the product’s new availability with the change, and the relay publishes it', async () => {
    const product = londonOnly[0]!;
    const before = await onHandIn(product.id, LONDON!.id);
    await h.sql(`update inventory.stock_level set reserved = 1 where product_id = ? and warehouse_id = ?`, [product.id, LONDON!.id]);

    expect((await adjust(product.id, LONDON!.id, 4, 'RECEIVED')).errors).toBeUndefined();

    const rows = await stockChangedRows(product.id);
    expect(rows.map((row) => row.payload)).toEqual([{ productId: product.id, available: before + 4 - 1, inStock: true, perWarehouse: true }]);
    expect(rows[0]!.metadata['requestId']).toEqual(expect.any(String));
    expect((await probe.next('inventory.stock-changed.v1', product.id)).payload).toEqual(rows[0]!.payload);
  });

  it('sums every active warehouse, the new row of a first delivery included', async () => {
    const product = londonOnly[1]!;
    const london = await onHandIn(product.id, LONDON!.id);
    expect((await adjust(product.id, NEWARK!.id, 7, 'RECEIVED')).errors).toBeUndefined();
    expect((await stockChangedRows(product.id)).map((row) => row.payload)).toEqual([{ productId: product.id, available: london + 7, inStock: true, perWarehouse: true }]);
  });

  it('says inStock false when the last sellable unit is written off', async () => {
    const product = londonOnly[2]!;
    const london = await onHandIn(product.id, LONDON!.id);
    expect((await adjust(product.id, LONDON!.id, -london, 'DAMAGED')).errors).toBeUndefined();
    expect((await stockChangedRows(product.id)).map((row) => row.payload)).toEqual([{ productId: product.id, available: 0, inStock: false, perWarehouse: true }]);
  });

  it('writes nothing when the adjustment is refused for want of stock', async () => {
    const product = londonOnly[3]!;
    const london = await onHandIn(product.id, LONDON!.id);
    expect(errorCodes(await adjust(product.id, LONDON!.id, -(london + 1), 'LOST'))).toEqual(['NEGATIVE_STOCK']);
    expect(errorCodes(await adjust(product.id, ROTTERDAM!.id, -1, 'LOST'))).toEqual(['NEGATIVE_STOCK']);
    expect(await stockChangedRows(product.id)).toEqual([]);
    expect(await warehouseRows(product.id)).toEqual([]);
  });

  it('writes nothing when the input or the caller is refused', async () => {
    const product = londonOnly[4]!;
    expect(errorCodes(await adjust(product.id, LONDON!.id, 0))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await h.query(ADJUST, { input: { productId: product.id, warehouseId: LONDON!.id, delta: 1, reason: 'RECEIVED' } }, h.customerToken))).toEqual([
      'FORBIDDEN',
    ]);
    expect(await stockChangedRows(product.id)).toEqual([]);
    expect(await warehouseRows(product.id)).toEqual([]);
  });
});

describe('adjustStock → inventory.warehouse-stock-changed.v1 (issue #14)', () => {
  it('writes the changed row’s figures with its warehouse’s code, one per adjustment, with the request id', async () => {
    const product = londonOnly[5]!;
    const before = await onHandIn(product.id, LONDON!.id);
    await h.sql(`update inventory.stock_level set reserved = 1 where product_id = ? and warehouse_id = ?`, [product.id, LONDON!.id]);
    expect((await adjust(product.id, LONDON!.id, 3, 'RECEIVED')).errors).toBeUndefined();
    expect((await adjust(product.id, NEWARK!.id, 2, 'RECEIVED')).errors).toBeUndefined(); // a first delivery: a new row

    const rows = await warehouseRows(product.id);
    expect(rows.map((row) => row.payload)).toEqual([
      { productId: product.id, warehouseId: LONDON!.id, warehouseCode: LONDON!.code, onHand: before + 3, reserved: 1, available: before + 2 },
      { productId: product.id, warehouseId: NEWARK!.id, warehouseCode: NEWARK!.code, onHand: 2, reserved: 0, available: 2 },
    ]);
    expect(rows[0]!.metadata['requestId']).toEqual(expect.any(String));
  });
});
