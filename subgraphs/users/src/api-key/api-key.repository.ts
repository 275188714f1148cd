import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { tableOf } from '../sql';
import { ApiKeyEntity } from './api-key.entity';

/** Keyset position in the admin list: after this creation time and id. */
export interface ApiKeyListPosition {
  readonly createdAt: Date;
  readonly id: string;
}

/** Storage of API keys (by id for administrators, by hash for the gateway's lookups). */
export class ApiKeyRepository {
  constructor(private readonly em: EntityManager) {}

  async insert(key: ApiKeyEntity): Promise<void> {
    this.em.persist(key);
    await this.em.flush();
  }

  /** The key, its row locked until the transaction ends (a rotation and a revocation never interleave). */
  findForUpdate(id: string): Promise<ApiKeyEntity | null> {
    return this.em.findOne(ApiKeyEntity, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  }

  findByHash(keyHash: string): Promise<ApiKeyEntity | null> {
    return this.em.findOne(ApiKeyEntity, { keyHash });
  }

  list(after: ApiKeyListPosition | null, limit: number): Promise<ApiKeyEntity[]> {
    const where = after
      ? { $or: [{ createdAt: { $gt: after.createdAt } }, { createdAt: after.createdAt, id: { $gt: after.id } }] }
      : {};
    return this.em.find(ApiKeyEntity, where, { orderBy: { createdAt: 'asc', id: 'asc' }, limit });
  }

  count(): Promise<number> {
    return this.em.count(ApiKeyEntity);
  }

  /**
   * Notes that the gateway saw the key, at most once a minute: one statement, no read before it, so lookups
   * of a busy key cost no more than the cache lets through.
   */
  async touch(id: string, now: Date): Promise<void> {
    const aMinuteAgo = new Date(now.getTime() - 60_000);
    await this.em.execute(
      `update ${tableOf(this.em, ApiKeyEntity)} set last_used_at = ? where id = ? and (last_used_at is null or last_used_at < ?)`,
      [now, id, aMinuteAgo],
      'run',
    );
  }
}
