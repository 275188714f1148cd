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

/** The products subgraph's Category, by key. */
@ObjectType('Category')
@Directive('@key(fields: "id", resolvable: false)')
export class CategoryKey {
  @Field(() => ID)
  id!: string;
}

/** The inventory subgraph's Warehouse, by key. */
@ObjectType('Warehouse')
@Directive('@key(fields: "id", resolvable: false)')
export class WarehouseKey {
  @Field(() => ID)
  id!: string;
}

export const productKey = (id: string): ProductKey => Object.assign(new ProductKey(), { id });
export const categoryKey = (id: string): CategoryKey => Object.assign(new CategoryKey(), { id });
export const warehouseKey = (id: string): WarehouseKey => Object.assign(new WarehouseKey(), { id });
