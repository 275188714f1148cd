import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { EventMetadata } from '@techally/events';
import { rowsAfter, type KeysetPosition } from '../keyset-position';
import { USER_EMAIL_UNIQUE, UserEntity } from './user.entity';
import { UserError } from './user.errors';
import { appendUserEvent, type UserEventType } from './user-events';

/** The event a write of an account publishes with it (issue #14), and the request it came from. */
export interface UserEvent {
  readonly type: UserEventType;
  readonly metadata?: EventMetadata;
}

/**
 * Storage of accounts. Translates the infrastructure errors the rules depend on (a unique violation on the
 * email is EMAIL_TAKEN, README.md, House style) and holds the statements that must be atomic.
 */
export class UserRepository {
  constructor(private readonly em: EntityManager) {}

  findByEmail(email: string): Promise<UserEntity | null> {
    return this.em.findOne(UserEntity, { email });
  }

  /**
   * Inserts (or writes changes to) accounts. The unique index, not a prior SELECT, decides who gets an email:
   * of two concurrent sign-ups, the second insert waits for the first to commit and then fails here.
   * `event` (the user's snapshot as it is now) commits in the same flush's transaction, or not at all.
   */
  async save(user: UserEntity, event: UserEvent | null = null): Promise<void> {
    this.em.persist(user);
    if (event) appendUserEvent(this.em, event.type, user, event.metadata);
    try {
      await this.em.flush();
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException && constraintOf(error) === USER_EMAIL_UNIQUE) {
        throw UserError.emailTaken();
      }
      throw error;
    }
  }

  /** One page of every account, oldest first; `limit` rows at most. */
  list(after: KeysetPosition | null, limit: number): Promise<UserEntity[]> {
    return this.em.find(UserEntity, rowsAfter(after), { orderBy: { createdAt: 'asc', id: 'asc' }, limit });
  }

  count(): Promise<number> {
    return this.em.count(UserEntity);
  }

  countWithRole(role: string): Promise<number> {
    return this.em.count(UserEntity, { roles: { $contains: [role] } });
  }
}

function constraintOf(error: UniqueConstraintViolationException): string | undefined {
  // MikroORM copies the pg error's fields onto its exception; `constraint` names the violated index.
  return (error as unknown as { constraint?: string }).constraint;
}
