import type { EntityManager } from '@mikro-orm/postgresql';
import { appendToOutbox, createEvent, type EventMetadata, type UserSnapshotV1 } from '@techally/events';
import type { UserEntity } from './user.entity';

/** The users domain's events (issue #14): the snapshot of who a user is, never the password. */
export type UserEventType = 'users.user-registered.v1' | 'users.user-changed.v1';

/** The contact facts other services keep of an account, as they are in `user` now. */
export function userSnapshot(user: UserEntity): UserSnapshotV1 {
  return { userId: user.id, email: user.email, name: user.name, roles: [...user.roles] };
}

/** Whether the snapshot differs from `before`: a changed email, name or set of roles (not their order). */
export function snapshotChanged(before: UserSnapshotV1, after: UserSnapshotV1): boolean {
  const sameRoles = before.roles.length === after.roles.length && before.roles.every((role) => after.roles.includes(role));
  return before.email !== after.email || before.name !== after.name || !sameRoles;
}

/**
 * Appends the user's snapshot as `type` to the outbox of `em`'s unit of work: it commits with the caller's next
 * flush (the insert or update of the user), or not at all.
 */
export function appendUserEvent(em: EntityManager, type: UserEventType, user: UserEntity, metadata: EventMetadata = {}): void {
  appendToOutbox(em, createEvent(type, user.id, userSnapshot(user), metadata));
}
