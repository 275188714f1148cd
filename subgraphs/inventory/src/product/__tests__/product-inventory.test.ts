// The platform loads reflect-metadata, which the decorated type needs before it is defined.
import '@techally/platform';
import type { StockLevel } from '../../stock/stock-level.entity';
import type { Warehouse } from '../../warehouse/warehouse.entity';
import { ProductInventory } from '../product-inventory.type';

function level(onHand: number, reserved: number, active = true): StockLevel {
  return { productId: 'p', onHand, reserved, updatedAt: new Date(0), warehouse: { active } as Warehouse } as StockLevel;
}

describe('ProductInventory', () => {
  it('is zero for a product with no stock rows', () => {
    expect(new ProductInventory([])).toMatchObject({ available: 0, reserved: 0 });
  });

  it('sums on hand minus reserved, and reserved, over active warehouses only', () => {
    const inventory = new ProductInventory([level(10, 3), level(5, 0), level(7, 2, false)]);
    expect(inventory).toMatchObject({ available: 12, reserved: 3 });
    expect(inventory.levels).toHaveLength(3);
  });
});
