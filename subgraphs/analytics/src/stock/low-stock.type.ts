import { Directive, Field, Int, ObjectType } from 'type-graphql';
import { CACHE_PRIVATE } from '@techally/platform';
import { ProductKey, WarehouseKey } from '../sales/keys.type';

@ObjectType({ description: 'One warehouse\'s stock of a product, as its newest stock event told it.' })
@Directive(CACHE_PRIVATE)
export class LowStockWarehouse {
  @Field(() => WarehouseKey)
  warehouse!: WarehouseKey;

  @Field({ description: 'The warehouse\'s short code ("LON-1"), as the event carried it.' })
  warehouseCode!: string;

  @Field(() => Int)
  onHand!: number;

  @Field(() => Int)
  reserved!: number;

  @Field(() => Int)
  available!: number;

  @Field({ description: 'When this snapshot happened (ISO 8601): the newest event per product and warehouse wins.' })
  asOf!: string;
}

@ObjectType({ description: 'A product whose stock available across its warehouses is at or below the threshold.' })
@Directive(CACHE_PRIVATE)
export class LowStockProduct {
  @Field(() => ProductKey)
  product!: ProductKey;

  @Field(() => Int, { description: 'Units available (on hand minus reserved) across its warehouses.' })
  available!: number;

  @Field(() => Int)
  onHand!: number;

  @Field(() => Int)
  reserved!: number;

  @Field(() => [LowStockWarehouse], { description: 'Per warehouse, least available first.' })
  warehouses!: LowStockWarehouse[];
}
