import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { CACHE_PRIVATE } from '@techally/platform';

/**
 * The users subgraph's User, extended with the orders this subgraph holds for it (`orders`, in
 * user-orders.resolver.ts). Only the id lives here; every other field is the users subgraph's.
 */
@ObjectType('User')
@Directive('@key(fields: "id")')
@Directive(CACHE_PRIVATE)
export class UserReference {
  @Field(() => ID)
  id!: string;
}
