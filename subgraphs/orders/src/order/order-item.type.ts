import { Money } from '@techally/platform';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { ProductReference } from '../product/product.type';

/** One line of an order; name, SKU and prices are as they were when the order was placed. */
@ObjectType('OrderItem', { description: 'One line of an order, priced when the order was placed.' })
export class OrderItemType {
  @Field(() => ID)
  id!: string;

  /**
   * Resolved by the products subgraph; the SKU is provided from the line's own snapshot, so a client asking
   * only for `product { sku }` costs the router no trip to products.
   */
  @Directive('@provides(fields: "sku")')
  @Field(() => ProductReference)
  product!: ProductReference;

  @Field({ description: 'The SKU when the order was placed.' })
  sku!: string;

  @Field({ description: 'The product name when the order was placed.' })
  name!: string;

  @Field(() => Money, { description: 'The price of one, when the order was placed.' })
  unitPrice!: Money;

  @Field(() => Int)
  quantity!: number;

  @Field(() => Money, { description: 'unitPrice × quantity.' })
  lineTotal!: Money;
}
