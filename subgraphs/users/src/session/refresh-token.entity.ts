import { randomUUID } from 'node:crypto';
import { Entity, Index, ManyToOne, PrimaryKey, Property, Unique, type Ref } from '@mikro-orm/core';
import { UserEntity } from '../user/user.entity';

/**
 * One refresh token of a session. The token itself is never stored, only its SHA-256: a leaked table does not
 * let anyone refresh. Every rotation adds a row to the same family; reuse of a used row revokes the family.
 */
@Entity({ tableName: 'refresh_token' })
export class RefreshTokenEntity {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => UserEntity, { ref: true, deleteRule: 'cascade', index: 'refresh_token_user_id_index' })
  user!: Ref<UserEntity>;

  /** The session: the first token's family id is inherited by every token rotated from it. */
  @Property({ type: 'uuid' })
  @Index({ name: 'refresh_token_family_id_index' })
  familyId!: string;

  /** Hex SHA-256 of the opaque token. */
  @Property({ type: 'text' })
  @Unique({ name: 'refresh_token_token_hash_unique' })
  tokenHash!: string;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  expiresAt!: Date;

  /** Set when the token was exchanged for a new one; a second exchange is a reuse. */
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  usedAt: Date | null = null;

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  revokedAt: Date | null = null;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  createdAt: Date = new Date();
}
