import type { EntityManager } from '@mikro-orm/postgresql';
import { defineConsumer, handleOnce, type EventConsumer } from '@techally/events';
import type { SubgraphOrm } from '@techally/platform';
import { TABLES } from '../database';
import { READ_MODEL_EVENT_TYPES, ReadModelWriter } from './read-model-writer';
import type { SqlExecutor } from './sales-facts';

/** The consumer group, and the inbox's consumer name: stable, or the group starts over (README of events). */
export const RECORD_SALES = 'analytics.record-sales';

/**
 * The read model's writer lock (a transaction-scoped advisory lock): every event's writes take it, so the
 * recomputations of one day follow each other and each sees the facts the one before committed; a rebuild takes
 * it to swap its tables in while no event is half applied (src/rebuild).
 */
export const WRITER_LOCK = 'analytics.read-model';

export async function takeWriterLock(sql: SqlExecutor): Promise<void> {
  await sql.execute(`select pg_advisory_xact_lock(hashtext(?))`, [WRITER_LOCK]);
}

/**
 * `analytics.record-sales`: each fact, as it happened (`occurredAt`), into the read model, with the daily rollup
 * rows it touched recomputed in the same transaction. Exactly once in effect through the inbox (`handleOnce`);
 * every write is also idempotent and order-independent on its own, so a replay converges as well.
 */
export function recordSalesConsumer(orm: SubgraphOrm): EventConsumer {
  return defineConsumer({
    group: RECORD_SALES,
    types: [...READ_MODEL_EVENT_TYPES],
    async handle(envelope) {
      await handleOnce(orm.em.fork() as EntityManager, envelope, RECORD_SALES, async (tx) => {
        await takeWriterLock(tx);
        await new ReadModelWriter(tx, TABLES).apply(envelope, { refresh: true });
      });
    },
  }) as EventConsumer;
}
