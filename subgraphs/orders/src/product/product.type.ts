import { Money, CACHE_PUBLIC } from '@techally/platform';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';

/**
 * The products subgraph's Product, as this subgraph sees it: a reference by id, the fields it reads from the
 * owner (`@external`: the SKU an order line provides from its snapshot, the weight and price a shipping
 * estimate requires), and the one field it adds, `shippingEstimate` (product-fields.resolver.ts).
 */
@ObjectType('Product')
@Directive('@key(fields: "id")')
@Directive(CACHE_PUBLIC)
export class ProductReference {
  @Field(() => ID)
  id!: string;

  @Directive('@external')
  @Field()
  sku!: string;

  @Directive('@external')
  @Field(() => Int, { description: 'Shipping weight in grams.' })
  weight!: number;

  @Directive('@external')
  @Field(() => Money)
  price!: Money;
}
