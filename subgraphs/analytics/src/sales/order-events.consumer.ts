import type { EntityManager } from '@mikro-orm/postgresql';
import { defineConsumer, handleOnce, type EventConsumer } from '@techally/events';
import type { SubgraphOrm } from '@techally/platform';
import { SalesFacts } from './sales-facts';

/** The consumer group, and the inbox's consumer name: stable, or the group starts over (README of events). */
export const RECORD_SALES = 'analytics.record-sales';

export const SALES_EVENT_TYPES = [
  'orders.order-placed.v1',
  'orders.order-paid.v1',
  'orders.order-cancelled.v1',
  // The orders domain has no fulfilled event of its own: fulfilment is the FULFILLED transition.
  'orders.order-status-changed.v1',
] as const;

/**
 * `analytics.record-sales`: each order fact, as it happened (`occurredAt`), into the sales read model. Exactly
 * once in effect through the inbox (`handleOnce`); every write is also idempotent and order-independent on its
 * own (SalesFacts), so a replay with new event ids converges as well.
 */
export function recordSalesConsumer(orm: SubgraphOrm): EventConsumer {
  return defineConsumer({
    group: RECORD_SALES,
    types: [...SALES_EVENT_TYPES],
    async handle(envelope) {
      const at = new Date(envelope.occurredAt);
      await handleOnce(orm.em.fork() as EntityManager, envelope, RECORD_SALES, async (tx) => {
        const facts = new SalesFacts(tx);
        switch (envelope.type) {
          case 'orders.order-placed.v1':
            return facts.placed(envelope.payload, at);
          case 'orders.order-paid.v1':
            return facts.paid(envelope.payload, at);
          case 'orders.order-cancelled.v1':
            return facts.cancelled(envelope.payload.orderId, envelope.payload.reason, at);
          case 'orders.order-status-changed.v1':
            if (envelope.payload.status === 'FULFILLED') await facts.fulfilled(envelope.payload.orderId, at);
            return;
        }
      });
    },
  }) as EventConsumer;
}
