import { CACHE_PRIVATE } from '@techally/platform';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { ProductKey, productKey } from '../product/product-key.type';
import type { LowStockThresholdRow } from './low-stock-threshold';

/** The inventory subgraph's entity, by key only: the gateway asks inventory for its code and name. */
@ObjectType('Warehouse')
@Directive('@key(fields: "id", resolvable: false)')
export class WarehouseKey {
  @Field(() => ID)
  id!: string;
}

@ObjectType('LowStockThreshold', { description: 'Below how many available units staff are alerted about a product (administrators).' })
@Directive(CACHE_PRIVATE)
export class LowStockThresholdType {
  @Field(() => ProductKey)
  product!: ProductKey;

  @Field(() => WarehouseKey, { nullable: true, description: 'The warehouse it applies in; null: the product’s own, in every warehouse without one of its own.' })
  warehouse!: WarehouseKey | null;

  @Field(() => Int, { description: 'Staff are alerted once when the available stock falls below it (0: never).' })
  threshold!: number;

  @Field(() => Date)
  updatedAt!: Date;
}

export function lowStockThresholdOf(row: LowStockThresholdRow): LowStockThresholdType {
  return Object.assign(new LowStockThresholdType(), {
    product: productKey(row.productId),
    warehouse: row.warehouseId === null ? null : Object.assign(new WarehouseKey(), { id: row.warehouseId }),
    threshold: row.threshold,
    updatedAt: row.updatedAt,
  });
}
