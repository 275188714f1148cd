import { Field, Int, ObjectType } from 'type-graphql';
import { ProductType, type ProductRef } from '../product/product.type';

/** One live update of a product's stock, as `Subscription.stockChanged` delivers it. */
@ObjectType('StockChange', { description: 'A product’s public stock figures right after a committed change.' })
export class StockChange {
  @Field(() => ProductType, { description: 'The product (the products subgraph resolves the rest of it).' })
  readonly product: ProductRef;

  @Field(() => Int, { description: 'Units that can be bought now, as Product.inventory.available answers.' })
  readonly available: number;

  @Field({ description: 'available > 0, as Product.inStock answers.' })
  readonly inStock: boolean;

  @Field(() => Date, { description: 'When the change was made (committed in the same transaction).' })
  readonly at: Date;

  constructor(productId: string, available: number, inStock: boolean, at: Date) {
    this.product = { id: productId };
    this.available = available;
    this.inStock = inStock;
    this.at = at;
  }
}
