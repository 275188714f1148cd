import { PARTNER_TAG, CACHE_PUBLIC } from '@techally/platform';
import { Directive, Field, ID, ObjectType } from 'type-graphql';

/**
 * The products subgraph's `Product`, which this subgraph extends with stock fields (`inventory`, `inStock`,
 * in product-inventory.resolver.ts). Only the key is known here; everything else about a product is the
 * products subgraph's.
 */
@ObjectType('Product')
@Directive('@key(fields: "id")')
@Directive(CACHE_PUBLIC)
export class ProductType {
  @Directive(PARTNER_TAG)
  @Field(() => ID)
  id!: string;
}

/** What a Product is inside this subgraph: its id, nothing read from anywhere. */
export interface ProductRef {
  readonly id: string;
}
