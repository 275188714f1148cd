import { PARTNER_TAG } from '@techally/platform';
import { Directive, Field, ID, ObjectType } from 'type-graphql';

/**
 * The products subgraph's entity as search returns it: its key only (`resolvable: false`: search adds no
 * field and resolves no reference). The gateway asks products (and inventory, reviews…) for the rest.
 */
@ObjectType('Product')
@Directive('@key(fields: "id", resolvable: false)')
export class ProductKey {
  @Directive(PARTNER_TAG)
  @Field(() => ID)
  id!: string;
}

/** The products subgraph's category, by key only (facets name it; products says the rest). */
@ObjectType('Category')
@Directive('@key(fields: "id", resolvable: false)')
export class CategoryKey {
  @Directive(PARTNER_TAG)
  @Field(() => ID)
  id!: string;
}

export function productKey(id: string): ProductKey {
  const key = new ProductKey();
  key.id = id;
  return key;
}

export function categoryKey(id: string): CategoryKey {
  const key = new CategoryKey();
  key.id = id;
  return key;
}
