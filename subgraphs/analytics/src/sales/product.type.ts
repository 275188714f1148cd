import { Directive, Field, ID, ObjectType } from 'type-graphql';

/**
 * The products subgraph's entity as analytics returns it: its key only (`resolvable: false`). The gateway asks
 * products for the rest.
 */
@ObjectType('Product')
@Directive('@key(fields: "id", resolvable: false)')
export class ProductKey {
  @Field(() => ID)
  id!: string;
}

export function productKey(id: string): ProductKey {
  return Object.assign(new ProductKey(), { id });
}
