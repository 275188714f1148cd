import { effectiveThresholds, isBelow, type ThresholdRow } from '../effective-threshold.js';

const P = 'product-1';
const row = (warehouse: string | null, threshold: number, product = P): ThresholdRow => ({
  product: { id: product },
  warehouse: warehouse ? { id: warehouse } : null,
  threshold,
});

describe('the low-stock threshold that applies to a product, over all warehouses and in each', () => {
  it('is the shop’s default everywhere when nothing was set for the product (other products’ thresholds aside)', () => {
    expect(effectiveThresholds([row(null, 9, 'other'), row('w1', 4, 'other')], P, ['w1'])).toEqual([
      { warehouseId: null, threshold: null, source: 'DEFAULT' },
      { warehouseId: 'w1', threshold: null, source: 'DEFAULT' },
    ]);
  });

  it('is the product’s own in every warehouse without one of its own, and a warehouse’s own where set', () => {
    expect(effectiveThresholds([row('w2', 3), row(null, 12)], P, ['w1', 'w2'])).toEqual([
      { warehouseId: null, threshold: 12, source: 'PRODUCT' },
      { warehouseId: 'w1', threshold: 12, source: 'PRODUCT' },
      { warehouseId: 'w2', threshold: 3, source: 'WAREHOUSE' },
    ]);
  });

  it('keeps a warehouse’s own over the default when the product has none, and 0 (never alert) as set', () => {
    expect(effectiveThresholds([row('w1', 0)], P, ['w1', 'w2'])).toEqual([
      { warehouseId: null, threshold: null, source: 'DEFAULT' },
      { warehouseId: 'w1', threshold: 0, source: 'WAREHOUSE' },
      { warehouseId: 'w2', threshold: null, source: 'DEFAULT' },
    ]);
  });

  it('counts stock as low strictly below the threshold, and cannot tell against the unknown default', () => {
    expect(isBelow(4, { warehouseId: null, threshold: 5, source: 'PRODUCT' })).toBe(true);
    expect(isBelow(5, { warehouseId: null, threshold: 5, source: 'PRODUCT' })).toBe(false);
    expect(isBelow(0, { warehouseId: null, threshold: 0, source: 'WAREHOUSE' })).toBe(false);
    expect(isBelow(1, { warehouseId: null, threshold: null, source: 'DEFAULT' })).toBeNull();
  });
});
