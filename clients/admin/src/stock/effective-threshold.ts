/**
 * Which low-stock threshold applies where, as the notifications subgraph decides it (its README, *Low stock*): in a
 * warehouse, the product's threshold for that warehouse, else the product's own, else the shop's default; over all
 * warehouses, the product's own, else the default (`lowStockDefaultThreshold`, LOW_STOCK_DEFAULT_THRESHOLD).
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
  readonly threshold: number;
  readonly source: ThresholdSource;
  /**
   * What would apply once the threshold set for this row is removed (`removeLowStockThreshold`): the product's own
   * or the default; null when nothing is set for this row (nothing to remove).
   */
  readonly fallback: 'PRODUCT' | 'DEFAULT' | null;
}

export function effectiveThresholds(
  rows: ReadonlyArray<ThresholdRow>,
  productId: string,
  warehouseIds: ReadonlyArray<string>,
  defaultThreshold: number,
): EffectiveThreshold[] {
  const own = rows.filter((row) => row.product.id === productId);
  const productWide = own.find((row) => row.warehouse === null);
  const inherited: EffectiveThreshold = productWide
    ? { warehouseId: null, threshold: productWide.threshold, source: 'PRODUCT', fallback: 'DEFAULT' }
    : { warehouseId: null, threshold: defaultThreshold, source: 'DEFAULT', fallback: null };
  return [
    inherited,
    ...warehouseIds.map((warehouseId): EffectiveThreshold => {
      const set = own.find((row) => row.warehouse?.id === warehouseId);
      return set
        ? { warehouseId, threshold: set.threshold, source: 'WAREHOUSE', fallback: inherited.source === 'PRODUCT' ? 'PRODUCT' : 'DEFAULT' }
        : { ...inherited, warehouseId, fallback: null };
    }),
  ];
}

/** Whether `available` is below the threshold (what alerts staff; 0 never does). */
export function isBelow(available: number, effective: EffectiveThreshold): boolean {
  return available < effective.threshold;
}
