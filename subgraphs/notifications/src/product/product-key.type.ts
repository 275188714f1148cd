import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The products subgraph's entity, by key only: the gateway asks products for the rest (sku, name, …). */
@ObjectType('Product')
@Directive('@key(fields: "id", resolvable: false)')
export class ProductKey {
  @Field(() => ID)
  id!: string;
}

export function productKey(id: string): ProductKey {
  return Object.assign(new ProductKey(), { id });
}
