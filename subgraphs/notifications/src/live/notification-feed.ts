import type { Logger, SubscriptionPubSub, SubscriptionStream } from '@techally/platform';
import type { DeliveredNotification } from '../notification/notification.repository';
import { notificationReceivedTopic, type NotificationMessage } from './notification-received.topic';

/**
 * The live in-app centre (issue #14): fed with the notifications a transaction gave a recipient, once it has
 * COMMITTED (the consumers call {@link NotificationFeed.publish} after `handleOnce` returns), through the
 * subscription pub/sub (Redis Pub/Sub with REDIS_URL, so every notifications process and through them every
 * gateway hears it), and read by `notificationReceived`. Who may watch whom is decided before `watch` is called:
 * the viewer themself, always.
 */
export class NotificationFeed {
  constructor(
    private readonly pubSub: SubscriptionPubSub,
    private readonly logger: Logger,
  ) {}

  /**
   * Tells each recipient of their new notifications, oldest first. Never throws: the notifications are stored
   * whatever happens here, and Pub/Sub is lossy by nature (a client that missed one reads it with the query).
   */
  async publish(notifications: ReadonlyArray<DeliveredNotification>): Promise<void> {
    const ordered = [...notifications].sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime());
    for (const notification of ordered) {
      try {
        await notificationReceivedTopic.publish(this.pubSub, messageOf(notification), notification.recipientId.toLowerCase());
      } catch (error) {
        this.logger.warn({ err: error, notificationId: notification.id }, 'notificationReceived: the live publish failed (the notification is stored)');
      }
    }
  }

  /** The recipient's notifications from now on; resolves once the pub/sub has the subscription in place. */
  async watch(recipientId: string): Promise<SubscriptionStream<NotificationMessage>> {
    const stream = notificationReceivedTopic.subscribe(this.pubSub, recipientId.toLowerCase());
    await stream.live;
    return stream;
  }
}

function messageOf(row: DeliveredNotification): NotificationMessage {
  return {
    id: row.id,
    recipientId: row.recipientId,
    kind: row.kind,
    orderId: row.orderId,
    productId: row.productId,
    title: row.title,
    body: row.body,
    occurredAt: row.occurredAt.toISOString(),
    readAt: row.readAt?.toISOString() ?? null,
  };
}
