import { randomUUID } from 'node:crypto';
import { ArrayType, Entity, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Role } from '@techally/platform';

/** The email unique index's name: the repository recognizes it in a unique violation. */
export const USER_EMAIL_UNIQUE = 'user_account_email_unique';

/**
 * An account. Persistence only: the public contract is `User` in user.type.ts. Column types are explicit so
 * the mapping does not depend on emitted decorator metadata.
 */
@Entity({ tableName: 'user_account' })
export class UserEntity {
  /** Generated here, not by the database, so a new user has its id before the insert (and ids are unguessable). */
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  /** Canonical form only (see user.email.ts); the unique index is what makes two sign-ups with one email fail. */
  @Property({ type: 'text' })
  @Unique({ name: USER_EMAIL_UNIQUE })
  email!: string;

  @Property({ type: 'text' })
  name!: string;

  /** argon2id PHC string; `hidden` keeps it out of any serialization of the entity. */
  @Property({ type: 'text', hidden: true })
  passwordHash!: string;

  @Property({ type: ArrayType, columnType: 'text[]' })
  roles: Role[] = [Role.CUSTOMER];

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', columnType: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
