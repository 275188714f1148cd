import type { EntityManager } from '@mikro-orm/postgresql';
import { defineConsumer, handleOnce, type EventConsumer } from '@techally/events';
import type { SubgraphOrm } from '@techally/platform';
import { customerNamedBy, NOTIFYING_EVENT_TYPES, renderInApp, type NotifyingEvent } from '../notification/notification-text';
import { NotificationRepository } from '../notification/notification.repository';

/** The consumer group, and the inbox's consumer name: stable, or the group starts over (README of events). */
export const NOTIFY_CUSTOMERS = 'notifications.notify-customers';

/** Applies one event: learns whose order it is when it says so, and writes its in-app notification, if any. */
export async function applyNotifyingEvent(tx: EntityManager, event: NotifyingEvent): Promise<void> {
  const repository = new NotificationRepository(tx);
  const { orderId } = event.payload;
  const named = customerNamedBy(event);
  if (named) await repository.learnRecipient(orderId, named);
  const rendered = renderInApp(event);
  if (!rendered) return;
  await repository.writeInApp({
    eventId: event.id,
    // Null when the event overtook every event naming the customer: the notification waits for one.
    recipientId: named ?? (await repository.recipientOf(orderId)),
    orderId,
    ...rendered,
    occurredAt: new Date(event.occurredAt),
  });
}

/**
 * `notifications.notify-customers`: each order and payment event a customer cares about becomes one in-app
 * notification of theirs. Once through the inbox (`handleOnce`), and once on its own as well (the unique
 * (event, channel, recipient)), so a redelivered or replayed event changes nothing.
 */
export function notifyCustomersConsumer(orm: SubgraphOrm): EventConsumer {
  return defineConsumer({
    group: NOTIFY_CUSTOMERS,
    types: [...NOTIFYING_EVENT_TYPES],
    async handle(envelope) {
      await handleOnce(orm.em.fork() as EntityManager, envelope, NOTIFY_CUSTOMERS, (tx) => applyNotifyingEvent(tx, envelope));
    },
  });
}
