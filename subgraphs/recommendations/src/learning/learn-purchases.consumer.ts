import type { EntityManager } from '@mikro-orm/postgresql';
import { defineConsumer, handleOnce, type EventConsumer } from '@techally/events';
import type { SubgraphOrm } from '@techally/platform';
import { PurchaseFacts } from './purchase-facts';

/** The consumer group, and the inbox's consumer name: stable, or the group starts over (README of events). */
export const LEARN_PURCHASES = 'recommendations.learn-purchases';

export const LEARNING_EVENT_TYPES = [
  'orders.order-paid.v1',
  'products.product-created.v1',
  'products.product-updated.v1',
  'products.product-archived.v1',
] as const;

/** Called after an event changed the counts (tests wait on it; nothing else needs to know). */
export type LearnedListener = (eventType: string) => void;

/**
 * `recommendations.learn-purchases`: paid orders become co-purchase counts, product events the catalogue's facts
 * (category, archived). Each event commits with its inbox row (`handleOnce`): effectively once; the writes are
 * also idempotent on their own (PurchaseFacts), so a replay under new event ids counts nothing twice.
 */
export function learnPurchasesConsumer(orm: SubgraphOrm, onLearned?: LearnedListener): EventConsumer {
  return defineConsumer({
    group: LEARN_PURCHASES,
    types: [...LEARNING_EVENT_TYPES],
    async handle(envelope) {
      const at = new Date(envelope.occurredAt);
      const outcome = await handleOnce(orm.em.fork() as EntityManager, envelope, LEARN_PURCHASES, async (tx) => {
        const facts = new PurchaseFacts(tx);
        switch (envelope.type) {
          case 'orders.order-paid.v1':
            await facts.paid(envelope.payload, at);
            return;
          case 'products.product-created.v1':
          case 'products.product-updated.v1':
            return facts.categorised(envelope.payload.productId, envelope.payload.categoryId, at);
          case 'products.product-archived.v1':
            return facts.archived(envelope.payload.productId, envelope.payload.categoryId, at);
        }
      });
      if (outcome.applied) onLearned?.(envelope.type);
    },
  }) as EventConsumer;
}
