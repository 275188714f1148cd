import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { CACHE_PRIVATE } from '@techally/platform';
import { Address } from '../address/address.type';
import { Role } from './role.type';

/**
 * The public contract of an account. Resolvers return `UserEntity` rows; the fields here read them as they
 * are, and the private ones (email, addresses) are field resolvers that check who is asking.
 */
@ObjectType('User', { description: 'A customer or administrator account.' })
@Directive('@key(fields: "id")')
@Directive(CACHE_PRIVATE)
export class User {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'The log-in. For the user themself or an administrator (FORBIDDEN otherwise).' })
  email!: string;

  @Field({ description: 'Display name; public, so other subgraphs can show it (a review\'s author).' })
  name!: string;

  @Field(() => [Role])
  roles!: Role[];

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => [Address], { description: 'Default first. For the user themself or an administrator.' })
  addresses!: Address[];
}
