import { Directive, Field, Int, ObjectType } from 'type-graphql';
import { CACHE_INHERIT, CACHE_NEVER } from '@techally/platform';
import type { StockLevel } from '../stock/stock-level.entity';

/**
 * A product's stock summed over the warehouses. `available` and `reserved` are public (a storefront shows "only
 * 3 left"); the per-warehouse breakdown is for administrators (product-inventory-fields.resolver.ts).
 */
@ObjectType('ProductInventory', { description: 'How much of a product the shop can sell, across its warehouses.' })
@Directive(CACHE_INHERIT)
export class ProductInventory {
  @Field(() => Int, { description: 'Units that can be bought now: on hand minus reserved, over active warehouses.' })
  readonly available: number;

  // A paid order's commit lowers it without a stock-changed event (`available` stays): never cached.
  @Directive(CACHE_NEVER)
  @Field(() => Int, { description: 'Units promised to orders not yet shipped, over active warehouses.' })
  readonly reserved: number;

  /** Every stock row of the product, inactive warehouses included, ordered by warehouse code. Not a field. */
  readonly levels: ReadonlyArray<StockLevel>;

  constructor(levels: ReadonlyArray<StockLevel>) {
    const counted = levels.filter((level) => level.warehouse.active);
    this.available = counted.reduce((sum, level) => sum + level.onHand - level.reserved, 0);
    this.reserved = counted.reduce((sum, level) => sum + level.reserved, 0);
    this.levels = levels;
  }
}
