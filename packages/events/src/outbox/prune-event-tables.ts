import type { EntityManager } from '@mikro-orm/postgresql';
import { INBOX_ENTITY } from './inbox.entity';
import { OUTBOX_ENTITY } from './outbox.entity';
import { qualifiedTableName } from './event-tables';

export interface PruneOptions {
  /** Published outbox rows older than this go (unpublished rows never do). */
  readonly publishedBefore?: Date;
  /**
   * Inbox rows older than this go. Keep them longer than an event can still be redelivered (the bus's
   * retention: stream length, dead letters replayed by hand), or a late duplicate would apply its effect again.
   */
  readonly processedBefore?: Date;
  /** Rows deleted per statement, so a large backlog never holds long locks (default 10,000). */
  readonly batchSize?: number;
}

/**
 * Deletes what the event tables no longer need, for a periodic job of the subgraph. Both tables otherwise grow
 * with every event. Returns how many rows went.
 */
export async function pruneEventTables(em: EntityManager, options: PruneOptions): Promise<{ outbox: number; inbox: number }> {
  const batchSize = options.batchSize ?? 10_000;
  const deleted = { outbox: 0, inbox: 0 };
  if (options.publishedBefore) {
    const outbox = qualifiedTableName(em, OUTBOX_ENTITY);
    deleted.outbox = await deleteInBatches(
      em,
      `delete from ${outbox} where "id" in (select "id" from ${outbox} where "published_at" < ? limit ?)`,
      options.publishedBefore,
      batchSize,
    );
  }
  if (options.processedBefore) {
    const inbox = qualifiedTableName(em, INBOX_ENTITY);
    deleted.inbox = await deleteInBatches(
      em,
      `delete from ${inbox} where ("event_id", "consumer") in (select "event_id", "consumer" from ${inbox} where "processed_at" < ? limit ?)`,
      options.processedBefore,
      batchSize,
    );
  }
  return deleted;
}

async function deleteInBatches(em: EntityManager, sql: string, before: Date, batchSize: number): Promise<number> {
  let total = 0;
  for (;;) {
    const result = await em.execute<{ affectedRows: number }>(sql, [before, batchSize], 'run');
    total += result.affectedRows;
    if (result.affectedRows < batchSize) return total;
  }
}
