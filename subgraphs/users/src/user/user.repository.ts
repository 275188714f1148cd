import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { tableOf } from '../sql';
import { lockEnd, windowStart, type LoginThrottlePolicy } from './login.throttle';
import { USER_EMAIL_UNIQUE, UserEntity } from './user.entity';
import { UserError } from './user.errors';

/** Keyset position in the admin user list: after this creation time and id. */
export interface UserListPosition {
  readonly createdAt: Date;
  readonly id: string;
}

/**
 * Storage of accounts. Translates the infrastructure errors the rules depend on (a unique violation on the
 * email is EMAIL_TAKEN, STYLE.md §4) and holds the statements that must be atomic.
 */
export class UserRepository {
  constructor(private readonly em: EntityManager) {}

  findByEmail(email: string): Promise<UserEntity | null> {
    return this.em.findOne(UserEntity, { email });
  }

  /**
   * Inserts (or writes changes to) accounts. The unique index, not a prior SELECT, decides who gets an email:
   * of two concurrent sign-ups, the second insert waits for the first to commit and then fails here.
   */
  async save(user: UserEntity): Promise<void> {
    this.em.persist(user);
    try {
      await this.em.flush();
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException && constraintOf(error) === USER_EMAIL_UNIQUE) {
        throw UserError.emailTaken();
      }
      throw error;
    }
  }

  /**
   * Counts one failed log-in and locks the account when the failures within the window reach the maximum, in
   * one UPDATE: concurrent failures each add one (a read-modify-write would lose some and let an attacker
   * through). A failure after the window, or after a lock ran out, starts a new count; a current lock stays.
   */
  async recordLoginFailure(userId: string, policy: LoginThrottlePolicy, now: Date): Promise<void> {
    const fresh = `(first_failed_login_at is null or first_failed_login_at <= ? or (locked_until is not null and locked_until <= ?))`;
    const since = windowStart(policy, now);
    await this.em.execute(
      `update ${tableOf(this.em, UserEntity)} set
         failed_login_count = case when ${fresh} then 1 else failed_login_count + 1 end,
         first_failed_login_at = case when ${fresh} then ? else first_failed_login_at end,
         locked_until = case
           when locked_until > ? then locked_until
           when (case when ${fresh} then 1 else failed_login_count + 1 end) >= ? then ?
           else null end
       where id = ?`,
      [since, now, since, now, now, now, since, now, policy.maxFailures, lockEnd(policy, now), userId],
      'run',
    );
  }

  /** A successful log-in forgets earlier failures (only writes when there is something to forget). */
  async clearLoginFailures(userId: string): Promise<void> {
    await this.em.execute(
      `update ${tableOf(this.em, UserEntity)} set failed_login_count = 0, first_failed_login_at = null, locked_until = null
       where id = ? and (failed_login_count <> 0 or first_failed_login_at is not null or locked_until is not null)`,
      [userId],
      'run',
    );
  }

  /** One page of every account, oldest first; `limit` rows at most. */
  list(after: UserListPosition | null, limit: number): Promise<UserEntity[]> {
    const where = after
      ? { $or: [{ createdAt: { $gt: after.createdAt } }, { createdAt: after.createdAt, id: { $gt: after.id } }] }
      : {};
    return this.em.find(UserEntity, where, { orderBy: { createdAt: 'asc', id: 'asc' }, limit });
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
