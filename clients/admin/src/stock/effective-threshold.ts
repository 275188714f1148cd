/**
 * Which low-stock threshold applies where, as the notifications subgraph decides it (its README, *Low stock*): in a
 * warehouse, the product's threshold for that warehouse, else the product's own, else the shop's default; over all
 * warehouses, the product's own, else the default. The default (LOW_STOCK_DEFAULT_THRESHOLD) is configuration the
 * graph does not tell, so it is `null` here and the page says "default".
 */
export interface ThresholdRow {
  readonly product: { readonly id: string };
  readonly warehouse: { readonly id: string } | null;
  readonly threshold: number;
}

/** Where an effective threshold comes from. */
export type ThresholdSource = 'WAREHOUSE' | 'PRODUCT' | 'DEFAULT';

export interface EffectiveThreshold {
  /** The warehouse it applies in; null for the product over all warehouses. */
  readonly warehouseId: string | null;
  /** Null: the shop's default. */
  readonly threshold: number | null;
  readonly source: ThresholdSource;
}

export function effectiveThresholds(rows: ReadonlyArray<ThresholdRow>, productId: string, warehouseIds: ReadonlyArray<string>): EffectiveThreshold[] {
  const own = rows.filter((row) => row.product.id === productId);
  const productWide = own.find((row) => row.warehouse === null);
  const inherited: EffectiveThreshold = productWide
    ? { warehouseId: null, threshold: productWide.threshold, source: 'PRODUCT' }
    : { warehouseId: null, threshold: null, source: 'DEFAULT' };
  return [
    inherited,
    ...warehouseIds.map((warehouseId): EffectiveThreshold => {
      const set = own.find((row) => row.warehouse?.id === warehouseId);
      return set ? { warehouseId, threshold: set.threshold, source: 'WAREHOUSE' } : { ...inherited, warehouseId };
    }),
  ];
}

/** Whether `available` is below the threshold (what alerts staff); unknown against the default. */
export function isBelow(available: number, effective: EffectiveThreshold): boolean | null {
  return effective.threshold === null ? null : available < effective.threshold;
}
