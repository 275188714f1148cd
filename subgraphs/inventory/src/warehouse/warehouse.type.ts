import { Directive, Field, ID, ObjectType } from 'type-graphql';

/**
 * The public contract of a warehouse: admin data (stock locations are operational detail, not something a
 * customer or a partner needs). Resolvers return the `Warehouse` entity, whose fields match.
 */
@ObjectType('Warehouse', { description: 'A place stock is kept (administrators only).' })
@Directive('@key(fields: "id")')
export class WarehouseType {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'Short, unique, human: "LON-1".' })
  code!: string;

  @Field()
  name!: string;

  @Field()
  city!: string;

  @Field({ description: 'ISO 3166-1 alpha-2 country code.' })
  country!: string;

  @Field({ description: 'An inactive warehouse keeps its stock, but none of it counts as available.' })
  active!: boolean;
}
