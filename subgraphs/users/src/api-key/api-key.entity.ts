import { randomUUID } from 'node:crypto';
import { Entity, Enum, ManyToOne, PrimaryKey, Property, Unique, type Ref } from '@mikro-orm/core';
import { UserEntity } from '../user/user.entity';
import { RateTier } from './rate-tier';

/**
 * A partner API key (issue #11). The key itself is never stored, only its SHA-256 (`hashApiKey`): a leaked
 * table lets no one call the graph. Rotation replaces the hash in place (same id, name, owner, tier, expiry).
 */
@Entity({ tableName: 'api_key' })
export class ApiKeyEntity {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'text' })
  name!: string;

  /** The user the key was issued to (a partner's contact account). */
  @ManyToOne(() => UserEntity, { ref: true, deleteRule: 'cascade', index: 'api_key_owner_id_index' })
  owner!: Ref<UserEntity>;

  @Enum({ items: () => RateTier, type: 'text' })
  tier!: RateTier;

  /** Hex SHA-256 of the current secret; the gateway's lookup is by equality on it. */
  @Property({ type: 'text', hidden: true })
  @Unique({ name: 'api_key_key_hash_unique' })
  keyHash!: string;

  /** `tak_live_` and the secret's first random characters, for administrators to recognise the key. */
  @Property({ type: 'text' })
  prefix!: string;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  expiresAt!: Date;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  createdAt: Date = new Date();

  /** When the current secret replaced the previous one. */
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  rotatedAt: Date | null = null;

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  revokedAt: Date | null = null;

  /** Written by the gateway's lookups: at most once a minute per key, and lookups are cached (≤ 30 s). */
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  lastUsedAt: Date | null = null;
}
