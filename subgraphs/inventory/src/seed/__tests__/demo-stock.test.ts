import { generateCatalog } from '@techally/demo-data';
import { DEMO_WAREHOUSES, generateDemoStock } from '../demo-stock';

const catalog = generateCatalog();
const active = catalog.products.filter((product) => product.status === 'ACTIVE');
const archived = catalog.products.filter((product) => product.status === 'ARCHIVED');
const levels = generateDemoStock(catalog);

function levelsByProduct(): Map<string, typeof levels> {
  const byProduct = new Map<string, typeof levels>();
  for (const level of levels) byProduct.set(level.productId, [...(byProduct.get(level.productId) ?? []), level]);
  return byProduct;
}

describe('the demo stock', () => {
  it('is the same on every run', () => {
    expect(generateDemoStock(generateCatalog())).toEqual(levels);
  });

  it('stocks every active product in one to three distinct warehouses, and no archived product', () => {
    const byProduct = levelsByProduct();
    expect([...byProduct.keys()].sort()).toEqual(active.map((product) => product.id).sort());
    for (const product of archived) expect(byProduct.has(product.id)).toBe(false);
    const warehouseIds = new Set<string>(DEMO_WAREHOUSES.map((warehouse) => warehouse.id));
    for (const rows of byProduct.values()) {
      expect(rows.length).toBeGreaterThanOrEqual(1);
      expect(rows.length).toBeLessThanOrEqual(3);
      expect(new Set(rows.map((row) => row.warehouseId)).size).toBe(rows.length);
      for (const row of rows) expect(warehouseIds.has(row.warehouseId)).toBe(true);
    }
  });

  it('spreads products over all three warehouses, some in one, some in all', () => {
    const counts = [...levelsByProduct().values()].map((rows) => rows.length);
    expect(new Set(counts)).toEqual(new Set([1, 2, 3]));
    expect(new Set(levels.map((level) => level.warehouseId)).size).toBe(3);
  });

  it('has about 8% of active products sold out everywhere, the rest in stock wherever they are held', () => {
    const byProduct = [...levelsByProduct().values()];
    const soldOut = byProduct.filter((rows) => rows.every((row) => row.onHand === 0));
    expect(soldOut.length).toBe(Math.round(active.length * 0.08));
    for (const rows of byProduct) {
      if (soldOut.includes(rows)) continue;
      for (const row of rows) {
        expect(row.onHand).toBeGreaterThanOrEqual(3);
        expect(row.onHand).toBeLessThanOrEqual(120);
      }
    }
  });

  it('has three warehouses with unique codes in three countries', () => {
    expect(DEMO_WAREHOUSES.map((warehouse) => `${warehouse.code} ${warehouse.city} ${warehouse.country}`)).toEqual([
      'LON-1 London GB',
      'EWR-1 Newark US',
      'RTM-1 Rotterdam NL',
    ]);
  });
});
