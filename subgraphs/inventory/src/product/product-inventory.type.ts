import { Directive, Field, Int, ObjectType } from 'type-graphql';
import { CACHE_INHERIT, CACHE_NEVER } from '@techally/platform';
import type { StockLevel } from '../stock/stock-level.entity';

/** A product's public figures: what `available` and `reserved` answer. */
export interface StockSummary {
  readonly available: number;
  readonly reserved: number;
}

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

  /**
   * Every stock row of the product, inactive warehouses included, ordered by warehouse code; null when only the
   * figures were read (anyone but an administrator, see StockService.inventoryOf). Not a field.
   */
  readonly levels: ReadonlyArray<StockLevel> | null;

  /** From the product's stock rows (summed here), or from figures Postgres summed (`levels` null). */
  constructor(levels: ReadonlyArray<StockLevel> | null, figures: StockSummary = summariseLevels(levels ?? [])) {
    this.available = figures.available;
    this.reserved = figures.reserved;
    this.levels = levels;
  }

  static of(figures: StockSummary): ProductInventory {
    return new ProductInventory(null, figures);
  }
}

/** The public figures from loaded rows: the same rule `readStockFigures` runs in SQL (README, Rules worth knowing). */
function summariseLevels(levels: ReadonlyArray<StockLevel>): StockSummary {
  const counted = levels.filter((level) => level.warehouse.active);
  return {
    available: counted.reduce((sum, level) => sum + level.onHand - level.reserved, 0),
    reserved: counted.reduce((sum, level) => sum + level.reserved, 0),
  };
}
