// The platform loads reflect-metadata, which the decorated ProductInventory needs before it is defined.
import '@techally/platform';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ProductInventory } from '../../product/product-inventory.type';
import { useStockFixture, type StockSpec } from '../../reservation/__tests__/support/stock-fixture';
import { readStockFigures } from '../product-availability';
import { StockRepository } from '../stock.repository';

// The storefront reads a product's public figures summed by Postgres (`readStockFigures`, one grouped
// statement); administrators' requests still load every stock row and sum them in Node (`ProductInventory` from
// levels). Both must say exactly the same thing for every shape of stock.
const fixture = useStockFixture();

const SHAPES: Record<string, { stock: StockSpec; available: number; reserved: number }> = {
  'several warehouses, reservations, a closed one': { stock: { a: [10, 3], b: [5, 0], closed: [7, 2] }, available: 12, reserved: 3 },
  'one warehouse': { stock: { b: [8, 1] }, available: 7, reserved: 1 },
  'zero on hand everywhere (sold out)': { stock: { a: 0, b: 0 }, available: 0, reserved: 0 },
  'everything on hand reserved': { stock: { a: [4, 4], b: [2, 2] }, available: 0, reserved: 6 },
  'stock only in a closed warehouse': { stock: { closed: [9, 3] }, available: 0, reserved: 0 },
  'no stock rows at all': { stock: {}, available: 0, reserved: 0 },
};

let ids: Record<string, string>;
beforeAll(async () => {
  ids = {};
  for (const [shape, { stock }] of Object.entries(SHAPES)) ids[shape] = await fixture.product(stock);
});

const fork = () => fixture.orm().em.fork() as EntityManager;

/** The path every request took before: the rows as entities (with their warehouse), summed in Node. */
async function fromLevels(productId: string) {
  const inventory = new ProductInventory(await new StockRepository(fork()).findByProducts([productId]));
  return { available: inventory.available, reserved: inventory.reserved };
}

describe('readStockFigures, the public figures summed in SQL', () => {
  it.each(Object.keys(SHAPES))('says what the rows summed in Node say: %s', async (shape) => {
    const [figures] = await readStockFigures(fork(), [ids[shape]!]);
    const { available, reserved } = SHAPES[shape]!;
    expect(figures).toEqual({ productId: ids[shape], available, reserved });
    expect(await fromLevels(ids[shape]!)).toEqual({ available, reserved });
  });

  it('answers every product asked for in one batch, once each, ordered by id, unknown ones at zero', async () => {
    const unknown = randomUUID();
    const asked = [...Object.values(ids), unknown, ids['one warehouse']!, ids['one warehouse']!.toUpperCase()];
    const figures = await readStockFigures(fork(), asked);
    const expected = [
      ...Object.entries(SHAPES).map(([shape, { available, reserved }]) => ({ productId: ids[shape]!, available, reserved })),
      { productId: unknown, available: 0, reserved: 0 },
    ].sort((x, y) => (x.productId < y.productId ? -1 : 1));
    // The upper-case spelling is the same uuid: Postgres answers it once, printed in lower case.
    expect(figures).toEqual(expected);
  });
});
