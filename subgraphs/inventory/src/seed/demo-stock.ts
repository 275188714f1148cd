import { createPrng, generateCatalog, type DemoSale, type SeedCatalog } from '@techally/demo-data';

/** The demo shop's warehouses. Fixed ids, so a re-seeded database (and any demo data elsewhere) agrees. */
export const DEMO_WAREHOUSES = [
  { id: '5b0e7c1a-3f2d-4e8b-9a61-7d2c00000001', code: 'LON-1', name: 'London Park Royal', city: 'London', country: 'GB' },
  { id: '5b0e7c1a-3f2d-4e8b-9a61-7d2c00000002', code: 'EWR-1', name: 'Newark Port', city: 'Newark', country: 'US' },
  { id: '5b0e7c1a-3f2d-4e8b-9a61-7d2c00000003', code: 'RTM-1', name: 'Rotterdam Maasvlakte', city: 'Rotterdam', country: 'NL' },
] as const;

/** The seed of the stock figures; any constant works, it only has to be the same everywhere. */
export const STOCK_SEED = 20_250_107;
/** The share of active products that are sold out everywhere (rows at 0), so the shop shows "out of stock". */
export const SOLD_OUT_SHARE = 0.08;

export interface DemoStockLevel {
  readonly productId: string;
  readonly warehouseId: string;
  readonly onHand: number;
}

/**
 * The demo stock: every active product of the demo catalog in one to three warehouses, ~8% of them at zero
 * everywhere, the rest with 3–120 units per warehouse. Archived products get no rows (nothing to sell).
 * Pure and deterministic: the same catalog and seed give the same rows.
 */
export function generateDemoStock(catalog: SeedCatalog = generateCatalog(), seed = STOCK_SEED): DemoStockLevel[] {
  const rng = createPrng(seed);
  const active = catalog.products.filter((product) => product.status === 'ACTIVE');
  const soldOut = new Set(rng.sample(active, Math.round(active.length * SOLD_OUT_SHARE)).map((product) => product.id));
  return active.flatMap((product) =>
    rng.sample(DEMO_WAREHOUSES, rng.int(1, DEMO_WAREHOUSES.length)).map((warehouse) => ({
      productId: product.id,
      warehouseId: warehouse.id,
      onHand: soldOut.has(product.id) ? 0 : rng.int(3, 120),
    })),
  );
}

/** Units of a past sale's product that left one warehouse (a line of its COMMITTED reservation). */
export interface ShippedLine {
  readonly orderId: string;
  readonly productId: string;
  readonly warehouseId: string;
  readonly quantity: number;
}

/**
 * Where each past sale's units shipped from: each product's warehouse with the most on hand now (ties: the lowest
 * id), as checkout's allocation prefers the warehouse that can cover a line alone. One line per (order, product).
 */
export function shippedFrom(levels: ReadonlyArray<DemoStockLevel>, sales: ReadonlyArray<Pick<DemoSale, 'orderId' | 'lines'>>): ShippedLine[] {
  return sales.flatMap((sale) => {
    const quantities = new Map<string, number>();
    for (const { product, quantity } of sale.lines) quantities.set(product.id, (quantities.get(product.id) ?? 0) + quantity);
    return [...quantities].map(([productId, quantity]) => {
      const [warehouse] = levels
        .filter((level) => level.productId === productId)
        .sort((a, b) => b.onHand - a.onHand || (a.warehouseId < b.warehouseId ? -1 : 1));
      if (!warehouse) throw new Error(`demo sale ${sale.orderId}: product ${productId} has no stock row`);
      return { orderId: sale.orderId, productId, warehouseId: warehouse.warehouseId, quantity };
    });
  });
}
