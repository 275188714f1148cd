import { CACHE_PRIVATE, requireAdmin } from '@techally/platform';
import { Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import type { InventoryContext } from '../context';
import { WarehouseStock } from '../stock/warehouse-stock.type';
import { ProductInventory } from './product-inventory.type';

@Resolver(() => ProductInventory)
export class ProductInventoryFieldsResolver {
  /**
   * Nullable on purpose: a customer asking for it gets FORBIDDEN on this field alone and still gets
   * `available`. Non-null, the error would null `inventory`, then the product itself (issue #3's public fields).
   */
  @Directive(CACHE_PRIVATE)
  @FieldResolver(() => [WarehouseStock], {
    nullable: true,
    description: 'Stock per warehouse, inactive ones included, ordered by warehouse code (administrators only).',
  })
  warehouses(@Root() inventory: ProductInventory, @Ctx() { viewer }: InventoryContext): WarehouseStock[] {
    requireAdmin(viewer);
    // An administrator's inventory is always read with its rows (StockService.inventoryOf): never null here.
    if (!inventory.levels) throw new Error('ProductInventory.levels was not loaded for an administrator');
    return inventory.levels.map((level) => WarehouseStock.fromLevel(level));
  }
}
