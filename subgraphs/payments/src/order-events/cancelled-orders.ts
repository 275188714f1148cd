import type { EntityManager } from '@mikro-orm/postgresql';
import { CancelledOrder } from './cancelled-order.entity';

/**
 * Remembers that an order was cancelled (`insert … on conflict do nothing`: a redelivered or concurrent
 * cancellation leaves one row). Call it in the transaction that records the event as handled.
 */
export async function rememberCancelledOrder(tx: EntityManager, orderId: string, reason: string, at: Date): Promise<void> {
  await tx.createQueryBuilder(CancelledOrder).insert({ orderId, reason, cancelledAt: at }).onConflict('order_id').ignore().execute();
}

/** True once payments has learnt that the order was cancelled. */
export async function isOrderCancelled(em: EntityManager, orderId: string): Promise<boolean> {
  return (await em.count(CancelledOrder, { orderId })) > 0;
}

/** The orders subgraph's cancellation code of the order, or null while payments has not learnt it was cancelled. */
export async function cancellationOf(em: EntityManager, orderId: string): Promise<string | null> {
  const row = await em.findOne(CancelledOrder, { orderId });
  return row?.reason ?? null;
}
