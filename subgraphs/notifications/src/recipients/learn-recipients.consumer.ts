import type { EntityManager } from '@mikro-orm/postgresql';
import { defineConsumer, handleOnce, type EventConsumer } from '@techally/events';
import type { SubgraphOrm } from '@techally/platform';
import type { DeliverySignal } from '../delivery/delivery-signal';
import { RecipientDirectory } from './recipient-directory';

/** The consumer group, and the inbox's consumer name: stable, or the group starts over (README of events). */
export const LEARN_RECIPIENTS = 'notifications.learn-recipients';

export const RECIPIENT_EVENT_TYPES = ['users.user-registered.v1', 'users.user-changed.v1'] as const;

/**
 * `notifications.learn-recipients`: keeps the recipient directory in step with the users stream. Emails wait for
 * their recipient's address: learning one wakes the delivery worker.
 */
export function learnRecipientsConsumer(orm: SubgraphOrm, signal?: DeliverySignal): EventConsumer {
  return defineConsumer({
    group: LEARN_RECIPIENTS,
    types: [...RECIPIENT_EVENT_TYPES],
    async handle(envelope) {
      const outcome = await handleOnce(orm.em.fork() as EntityManager, envelope, LEARN_RECIPIENTS, (tx) =>
        new RecipientDirectory(tx).learn(envelope.payload, new Date(envelope.occurredAt)),
      );
      if (outcome.applied && outcome.result) signal?.wake();
    },
  });
}
