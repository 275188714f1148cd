import { CACHE_PRIVATE } from '@techally/platform';
import { Directive, Field, ID, ObjectType } from 'type-graphql';

/**
 * The users subgraph's entity, as this subgraph knows it: only its key. Notifications adds `notifications` to it
 * (notification.resolver.ts); the users subgraph resolves the rest.
 */
@ObjectType('User')
@Directive('@key(fields: "id")')
@Directive(CACHE_PRIVATE)
export class UserRef {
  @Field(() => ID)
  id!: string;
}

/** `User @key(fields: "id")`: any id is taken as it comes (no statement); the field resolver authorises. */
export function resolveUserReference(representation: Record<string, unknown>): UserRef | null {
  const id = representation['id'];
  return typeof id === 'string' ? Object.assign(new UserRef(), { id }) : null;
}
