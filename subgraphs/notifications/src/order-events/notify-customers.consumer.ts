import type { EntityManager } from '@mikro-orm/postgresql';
import { defineConsumer, handleOnce, type EventConsumer } from '@techally/events';
import type { SubgraphOrm } from '@techally/platform';
import { customerNamedBy, NOTIFYING_EVENT_TYPES, renderInApp, type NotifyingEvent } from '../notification/notification-text';
import type { NotificationFeed } from '../live/notification-feed';
import { NotificationRepository, type DeliveredNotification } from '../notification/notification.repository';

/** The consumer group, and the inbox's consumer name: stable, or the group starts over (README of events). */
export const NOTIFY_CUSTOMERS = 'notifications.notify-customers';

/**
 * Applies one event: learns whose order it is when it says so, and writes its in-app notification, if any.
 * Returns the notifications that now have a recipient (this one, and those that waited for it): what the live
 * feed publishes once the transaction has committed.
 */
export async function applyNotifyingEvent(tx: EntityManager, event: NotifyingEvent): Promise<DeliveredNotification[]> {
  const repository = new NotificationRepository(tx);
  const { orderId } = event.payload;
  const named = customerNamedBy(event);
  const waited = named ? await repository.learnRecipient(orderId, named) : [];
  const rendered = renderInApp(event);
  if (!rendered) return waited;
  const written = await repository.writeInApp({
    eventId: event.id,
    // Null when the event overtook every event naming the customer: the notification waits for one.
    recipientId: named ?? (await repository.recipientOf(orderId)),
    orderId,
    ...rendered,
    occurredAt: new Date(event.occurredAt),
  });
  return [...waited, ...written];
}

/**
 * `notifications.notify-customers`: each order and payment event a customer cares about becomes one in-app
 * notification of theirs. Once through the inbox (`handleOnce`), and once on its own as well (the unique
 * (event, channel, recipient)), so a redelivered or replayed event changes nothing. What a transaction gave a
 * recipient is published live (`notificationReceived`) once it has committed.
 */
export function notifyCustomersConsumer(orm: SubgraphOrm, feed: NotificationFeed): EventConsumer {
  return defineConsumer({
    group: NOTIFY_CUSTOMERS,
    types: [...NOTIFYING_EVENT_TYPES],
    async handle(envelope) {
      const outcome = await handleOnce(orm.em.fork() as EntityManager, envelope, NOTIFY_CUSTOMERS, (tx) => applyNotifyingEvent(tx, envelope));
      // After commit, never inside the transaction: a subscriber must never see a notification that rolls back.
      if (outcome.applied) await feed.publish(outcome.result);
    },
  });
}
