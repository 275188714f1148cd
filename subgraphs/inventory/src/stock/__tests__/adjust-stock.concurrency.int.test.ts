import { generateCatalog } from '@techally/demo-data';
import { errorCodes, hasRealPostgres } from '@techally/testing';
import { startInventoryHarness, type InventoryHarness } from '../../__tests__/inventory-harness';
import { DEMO_WAREHOUSES, generateDemoStock } from '../../seed/demo-stock';

/**
 * Races on one stock row need many connections to one real server: the embedded PGlite has a single session,
 * so every statement would run one after another and prove nothing. Skipped, and named so, without DATABASE_URL.
 */
const onRealPostgres = hasRealPostgres() ? describe : describe.skip;

const ADJUST = `mutation ($input: AdjustStockInput!) { adjustStock(input: $input) { onHand reserved } }`;

const catalog = generateCatalog();
const levels = generateDemoStock(catalog);
const NEWARK = DEMO_WAREHOUSES[1];
/** Active products the seed did not put in Newark: each test starts its own row there from nothing. */
const [first, second, third] = catalog.products.filter(
  (product) => product.status === 'ACTIVE' && !levels.some((level) => level.productId === product.id && level.warehouseId === NEWARK.id),
);

let h: InventoryHarness;

async function adjust(productId: string, delta: number, reason = 'DAMAGED'): Promise<string[]> {
  const response = await h.query(ADJUST, { input: { productId, warehouseId: NEWARK.id, delta, reason } }, h.adminToken);
  return response.errors ? errorCodes(response) : ['OK'];
}

async function figures(productId: string): Promise<{ on_hand: number; reserved: number; adjustments: number; delta_sum: number }> {
  const [row] = await h.sql<{ on_hand: number; reserved: number; adjustments: number; delta_sum: number }>(
    `select level.on_hand, level.reserved,
            (select count(*)::int from inventory.stock_adjustment a where a.product_id = level.product_id and a.warehouse_id = level.warehouse_id) as adjustments,
            (select sum(delta)::int from inventory.stock_adjustment a where a.product_id = level.product_id and a.warehouse_id = level.warehouse_id) as delta_sum
     from inventory.stock_level level where level.product_id = ? and level.warehouse_id = ?`,
    [productId, NEWARK.id],
  );
  return row!;
}

function tally(outcomes: string[][]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const [outcome] of outcomes) counts[outcome!] = (counts[outcome!] ?? 0) + 1;
  return counts;
}

onRealPostgres('adjustStock under concurrency (real PostgreSQL only; skipped on the embedded PGlite, which has one session)', () => {
  beforeAll(async () => {
    h = await startInventoryHarness();
  });
  afterAll(() => h?.stop());

  it('lets exactly 10 of 20 concurrent removals of one unit through when 10 are on hand', async () => {
    expect(await adjust(first!.id, 10, 'RECEIVED')).toEqual(['OK']);
    const outcomes = await Promise.all(Array.from({ length: 20 }, () => adjust(first!.id, -1)));
    expect(tally(outcomes)).toEqual({ OK: 10, NEGATIVE_STOCK: 10 });
    // One RECEIVED row and one row per successful removal; the audit trail adds up to the figure on hand.
    expect(await figures(first!.id)).toEqual({ on_hand: 0, reserved: 0, adjustments: 11, delta_sum: 0 });
  });

  it('never takes reserved units, however many removals race', async () => {
    expect(await adjust(second!.id, 10, 'RECEIVED')).toEqual(['OK']);
    await h.sql(`update inventory.stock_level set reserved = 4 where product_id = ? and warehouse_id = ?`, [second!.id, NEWARK.id]);
    const outcomes = await Promise.all(Array.from({ length: 20 }, () => adjust(second!.id, -1)));
    expect(tally(outcomes)).toEqual({ OK: 6, NEGATIVE_STOCK: 14 });
    expect(await figures(second!.id)).toMatchObject({ on_hand: 4, reserved: 4, adjustments: 7 });
  });

  it('loses no update when deliveries race, the first of them creating the row', async () => {
    const outcomes = await Promise.all(Array.from({ length: 20 }, () => adjust(third!.id, 5, 'RECEIVED')));
    expect(tally(outcomes)).toEqual({ OK: 20 });
    expect(await figures(third!.id)).toEqual({ on_hand: 100, reserved: 0, adjustments: 20, delta_sum: 100 });
  });
});
