import type { EntityManager } from '@mikro-orm/postgresql';
import { defineConsumer, handleOnce, type EventConsumer } from '@techally/events';
import type { SubgraphOrm } from '@techally/platform';
import { defaultDeliveryTargetsFactory, type DeliveryTargetsFactory } from '../delivery/default-delivery-targets';
import { planDeliveries } from '../delivery/delivery-planner';
import type { DeliverySignal } from '../delivery/delivery-signal';
import {
  CATEGORY_OF_KIND,
  customerNamedBy,
  NOTIFYING_EVENT_TYPES,
  orderOf,
  productOf,
  recipientNamedBy,
  renderInApp,
  type NotifyingEvent,
} from '../notification/notification-text';
import type { NotificationFeed } from '../live/notification-feed';
import { NotificationRepository, type DeliveredNotification } from '../notification/notification.repository';

/** The consumer group, and the inbox's consumer name: stable, or the group starts over (README of events). */
export const NOTIFY_CUSTOMERS = 'notifications.notify-customers';

/** What applying an event needs besides the transaction. */
export interface NotifyDependencies {
  /** Where each recipient wants each category of notification (the preferences; a default without them). */
  readonly deliveryTargets: DeliveryTargetsFactory;
}

const DEFAULT_DEPENDENCIES: NotifyDependencies = { deliveryTargets: defaultDeliveryTargetsFactory };

/** What one event did: the notifications that now have a recipient (for the live feed), and the deliveries planned. */
export interface NotifyOutcome {
  readonly delivered: DeliveredNotification[];
  readonly planned: number;
}

/**
 * Applies one event: learns whose order it is when it says so, writes its in-app notification, if any, and plans
 * its deliveries (email, SMS, push) in the same transaction. Returns the notifications that now have a recipient
 * (this one, and those that waited for it: what the live feed publishes once the transaction has committed) and
 * how many deliveries it planned.
 */
export async function applyNotifyingEvent(
  tx: EntityManager,
  event: NotifyingEvent,
  dependencies: NotifyDependencies = DEFAULT_DEPENDENCIES,
): Promise<NotifyOutcome> {
  const repository = new NotificationRepository(tx);
  const plan = (source: NotifyingEvent, recipientId: string, kind: keyof typeof CATEGORY_OF_KIND) =>
    planDeliveries(tx, dependencies.deliveryTargets, { event: source, recipientId, kind, category: CATEGORY_OF_KIND[kind] }, new Date());
  const orderId = orderOf(event);
  const customer = customerNamedBy(event);
  let planned = 0;
  const delivered: DeliveredNotification[] = [];
  if (orderId && customer) {
    // The notifications that waited for this order's customer get their deliveries now.
    for (const waited of await repository.learnRecipient(orderId, customer)) {
      const { event: waitedEvent, ...notification } = waited;
      delivered.push(notification);
      if (waitedEvent) planned += await plan(waitedEvent, customer, waited.kind);
    }
  }
  const rendered = renderInApp(event);
  if (!rendered) return { delivered, planned };
  // Null when the event overtook every event naming the customer: the notification waits for one.
  const recipientId = recipientNamedBy(event) ?? (orderId ? await repository.recipientOf(orderId) : null);
  const written = await repository.writeInApp({
    eventId: event.id,
    recipientId,
    orderId,
    productId: productOf(event),
    ...rendered,
    occurredAt: new Date(event.occurredAt),
    event,
  });
  delivered.push(...written);
  if (recipientId) planned += await plan(event, recipientId, rendered.kind);
  return { delivered, planned };
}

/**
 * `notifications.notify-customers`: each order, payment and review event a customer cares about becomes one
 * in-app notification of theirs and its deliveries. Once through the inbox (`handleOnce`), and once on its own
 * as well (the unique (event, channel, recipient[, target])), so a redelivered or replayed event changes nothing.
 * Once what it wrote has committed (never inside the transaction: a subscriber must never see a notification that
 * rolls back), publishes it live (`notificationReceived`) and wakes the delivery worker.
 */
export function notifyCustomersConsumer(
  orm: SubgraphOrm,
  feed: NotificationFeed,
  dependencies: NotifyDependencies = DEFAULT_DEPENDENCIES,
  signal?: DeliverySignal,
): EventConsumer {
  return defineConsumer({
    group: NOTIFY_CUSTOMERS,
    types: [...NOTIFYING_EVENT_TYPES],
    async handle(envelope) {
      const outcome = await handleOnce(orm.em.fork() as EntityManager, envelope, NOTIFY_CUSTOMERS, (tx) => applyNotifyingEvent(tx, envelope, dependencies));
      if (!outcome.applied) return;
      await feed.publish(outcome.result.delivered);
      if (outcome.result.planned > 0) signal?.wake();
    },
  });
}
