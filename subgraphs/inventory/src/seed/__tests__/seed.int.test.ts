import { generateCatalog } from '@techally/demo-data';
import { countStatements } from '@techally/testing';
import { startInventoryHarness, type InventoryHarness } from '../../__tests__/inventory-harness';
import { generateDemoStock } from '../demo-stock';

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
      // begin, advisory lock, emptiness check, warehouses, stock rows, opening adjustments, commit. The seed
      // writes no event, so what touches the outbox is the relay working in the background (its replay check at
      // start, its batches, its pruning), whenever it happens to run.
      const seedStatements = counter.statements.filter((sql) => !/"outbox"|pg_try_advisory_xact_lock/.test(sql));
      expect(seedStatements.length).toBeLessThanOrEqual(7);
    } finally {
      counter.stop();
    }
  });

  it('writes three warehouses, the generated stock rows, and an opening RECEIVED adjustment for all stock on hand', async () => {
    const levels = generateDemoStock();
    const counts = await tableCounts();
    expect(counts).toEqual({
      warehouses: 3,
      levels: levels.length,
      adjustments: levels.filter((level) => level.onHand > 0).length,
      on_hand: levels.reduce((sum, level) => sum + level.onHand, 0),
      received: levels.reduce((sum, level) => sum + level.onHand, 0),
    });
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
});
