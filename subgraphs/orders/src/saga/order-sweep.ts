import type { EntityManager } from '@mikro-orm/postgresql';
import type { DecideTransition } from '../order/order.transitions';
import { reactOnOrder, type ReactionCause, type SagaDependencies } from './order-reaction';

/**
 * Walks what `fetch` returns in keyset batches of `batchSize` (each batch one short query, `after` the last row
 * of the previous one) until a short batch, visiting every row in order: the shape of every saga sweep.
 */
export async function walkInBatches<Cursor>(
  batchSize: number,
  fetch: (after: Cursor | null, limit: number) => Promise<Cursor[]>,
  visit: (row: Cursor) => Promise<void>,
): Promise<void> {
  let after: Cursor | null = null;
  for (;;) {
    const batch: Cursor[] = await fetch(after, batchSize);
    for (const row of batch) await visit(row);
    if (batch.length < batchSize) return;
    after = batch[batch.length - 1] ?? null;
  }
}

/**
 * One sweep's step on one order, in a transaction of its own, decided again on the row as it is now: `applied`,
 * `skipped` (another change reached it first) or `failed` (logged with `failure`; the next sweep retries).
 */
export async function transitionAlone(
  deps: SagaDependencies,
  orderId: string,
  decide: DecideTransition,
  cause: ReactionCause,
  failure: string,
): Promise<'applied' | 'skipped' | 'failed'> {
  try {
    const em = deps.orm.em.fork() as EntityManager;
    const outcome = await em.transactional((tx) => reactOnOrder(tx, deps, orderId, decide, {}, cause));
    return outcome?.applied ? 'applied' : 'skipped';
  } catch (error) {
    deps.logger.error({ err: error, orderId }, failure);
    return 'failed';
  }
}
