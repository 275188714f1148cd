import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { rowsAfter, type KeysetPosition } from '../keyset-position';
import { tableOf } from '../sql';
import { ApiKeyEntity } from './api-key.entity';

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

  list(after: KeysetPosition | null, limit: number): Promise<ApiKeyEntity[]> {
    return this.em.find(ApiKeyEntity, rowsAfter(after), { orderBy: { createdAt: 'asc', id: 'asc' }, limit });
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
