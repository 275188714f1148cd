import { PARTNER_TAG, CACHE_PUBLIC } from '@techally/platform';
import { Directive, Field, ID, ObjectType } from 'type-graphql';

/**
 * The products subgraph's entity, as this subgraph knows it: only its key. Reviews adds `reviews` and
 * `rating` to it (product-reviews.resolver.ts); everything else about a product is the products subgraph's.
 */
@ObjectType('Product')
@Directive('@key(fields: "id")')
@Directive(CACHE_PUBLIC)
export class ProductRef {
  @Directive(PARTNER_TAG)
  @Field(() => ID)
  id!: string;
}

export function productRef(id: string): ProductRef {
  const product = new ProductRef();
  product.id = id;
  return product;
}
