import { effectiveThresholds, isBelow, type ThresholdRow } from '../effective-threshold.js';

const P = 'product-1';
const DEFAULT = 5;
const row = (warehouse: string | null, threshold: number, product = P): ThresholdRow => ({
  product: { id: product },
  warehouse: warehouse ? { id: warehouse } : null,
  threshold,
});

describe('the low-stock threshold that applies to a product, over all warehouses and in each', () => {
  it('is the shop’s default (as a number) everywhere when nothing was set for the product (other products’ thresholds aside): nothing to remove', () => {
    expect(effectiveThresholds([row(null, 9, 'other'), row('w1', 4, 'other')], P, ['w1'], DEFAULT)).toEqual([
      { warehouseId: null, threshold: 5, source: 'DEFAULT', fallback: null },
      { warehouseId: 'w1', threshold: 5, source: 'DEFAULT', fallback: null },
    ]);
  });

  it('is the product’s own in every warehouse without one of its own, and a warehouse’s own where set (removing it: the product’s)', () => {
    expect(effectiveThresholds([row('w2', 3), row(null, 12)], P, ['w1', 'w2'], DEFAULT)).toEqual([
      { warehouseId: null, threshold: 12, source: 'PRODUCT', fallback: 'DEFAULT' },
      { warehouseId: 'w1', threshold: 12, source: 'PRODUCT', fallback: null },
      { warehouseId: 'w2', threshold: 3, source: 'WAREHOUSE', fallback: 'PRODUCT' },
    ]);
  });

  it('keeps a warehouse’s own over the default when the product has none (removing it: the default), and 0 (never alert) as set', () => {
    expect(effectiveThresholds([row('w1', 0)], P, ['w1', 'w2'], DEFAULT)).toEqual([
      { warehouseId: null, threshold: 5, source: 'DEFAULT', fallback: null },
      { warehouseId: 'w1', threshold: 0, source: 'WAREHOUSE', fallback: 'DEFAULT' },
      { warehouseId: 'w2', threshold: 5, source: 'DEFAULT', fallback: null },
    ]);
  });

  it('counts stock as low strictly below the threshold, the default too; never below 0', () => {
    expect(isBelow(4, { warehouseId: null, threshold: 5, source: 'PRODUCT', fallback: 'DEFAULT' })).toBe(true);
    expect(isBelow(5, { warehouseId: null, threshold: 5, source: 'PRODUCT', fallback: 'DEFAULT' })).toBe(false);
    expect(isBelow(0, { warehouseId: null, threshold: 0, source: 'WAREHOUSE', fallback: 'DEFAULT' })).toBe(false);
    expect(isBelow(1, { warehouseId: null, threshold: 5, source: 'DEFAULT', fallback: null })).toBe(true);
  });
});
