import { userRef, type UserRef } from './user.type';

/**
 * `User @key(fields: "id")`: the users subgraph owns accounts, so any id is taken as it comes (no statement);
 * a user who wrote nothing simply has no reviews.
 */
export function resolveUserReference(representation: Record<string, unknown>): UserRef | null {
  const id = representation['id'];
  return typeof id === 'string' ? userRef(id) : null;
}
