import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * One log-in throttling counter (login-throttle.policy.ts): failed — or still running — attempts of one key, and when
 * the last one started. The key is a SHA-256 of its kind and its parts (the email as typed, the client's address),
 * so neither emails nobody registered nor client addresses are stored. Changed only by the statements of
 * login-attempt.repository.ts.
 */
@Entity({ tableName: 'login_attempt_counter' })
@Index({ name: 'login_attempt_counter_last_attempt_at_index', properties: ['lastAttemptAt'] })
export class LoginAttemptCounterEntity {
  @PrimaryKey({ type: 'text' })
  key!: string;

  @Property({ type: 'integer' })
  failures!: number;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  lastAttemptAt!: Date;
}
