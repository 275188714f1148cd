import { demoSales, generateCatalog } from '@techally/demo-data';
import { countStatements } from '@techally/testing';
import { startInventoryHarness, type InventoryHarness } from '../../__tests__/inventory-harness';
import { generateDemoStock, shippedFrom } from '../demo-stock';

let h: InventoryHarness;

beforeAll(async () => {
  h = await startInventoryHarness({ seed: false });
});
afterAll(() => h?.stop());

interface Counts {
  warehouses: number;
  levels: number;
  adjustments: number;
  on_hand: number;
  received: number;
}

async function tableCounts(): Promise<Counts> {
  const [row] = await h.sql<Counts>(
    `select (select count(*)::int from inventory.warehouse) as warehouses,
            (select count(*)::int from inventory.stock_level) as levels,
            (select count(*)::int from inventory.stock_adjustment) as adjustments,
            (select coalesce(sum(on_hand), 0)::int from inventory.stock_level) as on_hand,
            (select coalesce(sum(delta), 0)::int from inventory.stock_adjustment) as received`,
  );
  return row!;
}

const ENTITIES = `query ($representations: [_Any!]!) {
  _entities(representations: $representations) { ... on Product { id inStock inventory { available reserved } } }
}`;

describe('the demo stock seed', () => {
  it('fills an empty inventory in one transaction of a few statements', async () => {
    const counter = countStatements(h.subgraph.orm);
    try {
      await h.subgraph.seed();
      // begin, advisory lock, emptiness check, warehouses, stock rows, opening adjustments, the past sales'
      // reservations and their lines, commit. Without publishHistory the seed writes no event, so what touches the
      // outbox is the relay working in the background (its replay check at start, its batches, its pruning).
      const seedStatements = counter.statements.filter((sql) => !/"outbox"|pg_try_advisory_xact_lock/.test(sql));
      expect(seedStatements.length).toBeLessThanOrEqual(9);
    } finally {
      counter.stop();
    }
  });

  it('writes three warehouses, the generated stock rows, and an opening RECEIVED adjustment for all stock on hand and sold', async () => {
    const levels = generateDemoStock();
    const shipped = shippedFrom(levels, demoSales(new Date()));
    const sold = (level: { productId: string; warehouseId: string }) =>
      shipped.filter((line) => line.productId === level.productId && line.warehouseId === level.warehouseId).reduce((sum, line) => sum + line.quantity, 0);
    const counts = await tableCounts();
    const onHand = levels.reduce((sum, level) => sum + level.onHand, 0);
    expect(counts).toEqual({
      warehouses: 3,
      levels: levels.length,
      adjustments: levels.filter((level) => level.onHand + sold(level) > 0).length,
      on_hand: onHand,
      // What was received is what is on hand plus what the committed sales took.
      received: onHand + shipped.reduce((sum, line) => sum + line.quantity, 0),
    });
  });

  it('holds each past sale as a COMMITTED reservation of its lines, from one warehouse each, none left reserved', async () => {
    const sales = demoSales(new Date());
    const reservations = await h.sql<{ order_id: string; status: string; units: number }>(
      `select r.order_id, r.status, sum(l.quantity)::int as units from inventory.stock_reservation r
       join inventory.stock_reservation_line l using (order_id) group by r.order_id, r.status`,
    );
    expect(new Map(reservations.map((row) => [row.order_id, [row.status, row.units]]))).toEqual(
      new Map(sales.map((sale) => [sale.orderId, ['COMMITTED', sale.lines.reduce((sum, line) => sum + line.quantity, 0)]])),
    );
    const [reserved] = await h.sql<{ units: number }>(`select coalesce(sum(reserved), 0)::int as units from inventory.stock_level`);
    expect(reserved!.units).toBe(0);
  });

  it('makes most active products buyable, some sold out, and archived ones absent', async () => {
    const products = generateCatalog().products;
    const response = await h.query<{ _entities: Array<{ id: string; inStock: boolean; inventory: { available: number } }> }>(ENTITIES, {
      representations: products.map((product) => ({ __typename: 'Product', id: product.id })),
    });
    const answers = new Map(response.data!._entities.map((entity) => [entity.id, entity]));
    const active = products.filter((product) => product.status === 'ACTIVE');
    const inStock = active.filter((product) => answers.get(product.id)!.inStock);
    expect(inStock.length).toBeGreaterThan(active.length * 0.85);
    expect(inStock.length).toBeLessThan(active.length);
    for (const product of products.filter((candidate) => candidate.status === 'ARCHIVED')) {
      expect(answers.get(product.id)).toEqual({ id: product.id, inStock: false, inventory: { available: 0, reserved: 0 } });
    }
  });

  it('adds nothing when seeded again', async () => {
    const before = await tableCounts();
    await h.subgraph.seed();
    expect(await tableCounts()).toEqual(before);
  });

  it('announces every stock row as warehouse-stock-changed with publishHistory, for the read models', async () => {
    await h.sql(`truncate inventory.warehouse, inventory.stock_level, inventory.stock_adjustment, inventory.stock_reservation, inventory.stock_reservation_line, inventory.outbox cascade`);
    await h.subgraph.seed({ publishHistory: true });
    const events = await h.sql<{ type: string; payload: { productId: string; warehouseId: string; onHand: number; reserved: number; available: number } }>(
      `select type, payload from inventory.outbox where type = 'inventory.warehouse-stock-changed.v1' order by position`,
    );
    const levels = generateDemoStock();
    expect(events.map((event) => event.payload)).toEqual(
      levels.map((level) => expect.objectContaining({ productId: level.productId, warehouseId: level.warehouseId, onHand: level.onHand, reserved: 0, available: level.onHand })),
    );
  });
});
