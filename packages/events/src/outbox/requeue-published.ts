import type { EntityManager } from '@mikro-orm/postgresql';
import type { EventType } from '../contracts/event-catalogue';
import { qualifiedTableName } from './event-tables';
import { OUTBOX_ENTITY } from './outbox.entity';

/**
 * Puts the published events of `type` about `aggregateId` that went out before `publishedBefore` back in line
 * for the relay (`published_at = null`; same id, same position): how a saga re-drives a step whose event — or
 * the answer to it — the bus may have lost (issue #9). A consumer that had applied it skips it (its inbox knows
 * the id); one that never saw it applies it now. Resolves how many rows were put back: 0 when none went out that
 * long ago (it still waits in the outbox, went out recently, or was pruned past the retention).
 */
export async function requeuePublished(
  em: EntityManager,
  event: { readonly type: EventType; readonly aggregateId: string; readonly publishedBefore: Date },
): Promise<number> {
  const outbox = qualifiedTableName(em, OUTBOX_ENTITY);
  const result = await em.execute<{ affectedRows: number }>(
    `update ${outbox} set "published_at" = null where "type" = ? and "aggregate_id" = ? and "published_at" < ?`,
    [event.type, event.aggregateId, event.publishedBefore],
    'run',
  );
  return result.affectedRows;
}
