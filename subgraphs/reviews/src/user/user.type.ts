import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { CACHE_PRIVATE } from '@techally/platform';

/**
 * The users subgraph's entity, as this subgraph knows it: only its key. Reviews adds `reviews` to it
 * (user-reviews.resolver.ts) and refers to it as a review's author; the users subgraph resolves its name.
 */
@ObjectType('User')
@Directive('@key(fields: "id")')
@Directive(CACHE_PRIVATE)
export class UserRef {
  @Field(() => ID)
  id!: string;
}

export function userRef(id: string): UserRef {
  const user = new UserRef();
  user.id = id;
  return user;
}
