import type { EntityManager } from '@mikro-orm/postgresql';
import { defineConsumer, handleOnce, type EventConsumer } from '@techally/events';
import type { SubgraphOrm } from '@techally/platform';
import { RecipientDirectory } from './recipient-directory';

/** The consumer group, and the inbox's consumer name: stable, or the group starts over (README of events). */
export const LEARN_RECIPIENTS = 'notifications.learn-recipients';

export const RECIPIENT_EVENT_TYPES = ['users.user-registered.v1', 'users.user-changed.v1'] as const;

/** `notifications.learn-recipients`: keeps the recipient directory in step with the users stream. */
export function learnRecipientsConsumer(orm: SubgraphOrm): EventConsumer {
  return defineConsumer({
    group: LEARN_RECIPIENTS,
    types: [...RECIPIENT_EVENT_TYPES],
    async handle(envelope) {
      await handleOnce(orm.em.fork() as EntityManager, envelope, LEARN_RECIPIENTS, async (tx) => {
        await new RecipientDirectory(tx).learn(envelope.payload, new Date(envelope.occurredAt));
      });
    },
  });
}
