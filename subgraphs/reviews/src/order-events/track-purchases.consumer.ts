import type { EntityManager } from '@mikro-orm/postgresql';
import { defineConsumer, handleOnce, type EnvelopeOf, type EventConsumer } from '@techally/events';
import type { SubgraphOrm } from '@techally/platform';
import { PurchaseRepository, type PaidOrder } from '../purchase/purchase.repository';

/** The consumer group, and the inbox's consumer name: stable, or the group starts over (README of events). */
export const TRACK_PURCHASES = 'reviews.track-purchases';

/** What a paid order tells the purchases read model: who bought which products, in which order, when. */
export function paidOrderOf(envelope: EnvelopeOf<'orders.order-paid.v1'>): PaidOrder {
  const { orderId, customerId, items } = envelope.payload;
  return { orderId, customerId, productIds: items.map((item) => item.productId), paidAt: new Date(envelope.occurredAt) };
}

/**
 * `reviews.track-purchases`: every paid order makes its customer a verified buyer of its products. Effectively
 * once through the inbox (`handleOnce`), and idempotent on its own as well (one row per customer and product),
 * so a redelivered or replayed event changes nothing.
 */
export function trackPurchasesConsumer(orm: SubgraphOrm): EventConsumer {
  return defineConsumer({
    group: TRACK_PURCHASES,
    types: ['orders.order-paid.v1'],
    async handle(envelope) {
      await handleOnce(orm.em.fork() as EntityManager, envelope, TRACK_PURCHASES, (tx) =>
        new PurchaseRepository(tx).recordPaidOrder(paidOrderOf(envelope)),
      );
    },
  });
}
