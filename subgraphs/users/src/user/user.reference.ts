import type { UsersContext } from '../context';
import type { UserEntity } from './user.entity';

/**
 * `User.__resolveReference`: another subgraph holds a user id and asks for public fields (a review's author
 * name). Through the request's DataLoader, so a list of N references costs one query. Private fields keep
 * their own checks, so resolving a reference needs no viewer.
 */
export function resolveUserReference(reference: Record<string, unknown>, ctx: UsersContext): Promise<UserEntity | null> {
  return ctx.users.byId(String(reference['id']));
}
