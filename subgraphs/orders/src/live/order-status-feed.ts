import type { AnyEventEnvelope } from '@techally/events';
import type { SubscriptionPubSub, SubscriptionStream } from '@techally/platform';
import { orderStatusChangedTopic, type OrderStatusMessage } from './order-status-changed.topic';

/**
 * The live order status feed (issue #5): fed from COMMITTED changes — the outbox relay hands every published
 * event to {@link OrderStatusFeed.onPublished}, which forwards `orders.order-status-changed.v1` to the
 * subscription pub/sub (Redis Pub/Sub, so every orders process and through them every gateway hears it) — and
 * read by `orderStatusChanged` and `orderStatusChanges`. Who may read what is decided before `watch…` is
 * called (OrderService.require, requireAdmin).
 */
export class OrderStatusFeed {
  constructor(private readonly pubSub: SubscriptionPubSub) {}

  /** The relay's `onPublished` hook: each status change on its order's channel and on the all-orders one. */
  readonly onPublished = async (envelope: AnyEventEnvelope): Promise<void> => {
    if (envelope.type !== 'orders.order-status-changed.v1') return;
    const { orderId, customerId, status, previousStatus } = envelope.payload;
    const message: OrderStatusMessage = { orderId, customerId, status, previousStatus, at: envelope.occurredAt };
    // Order matters within each channel (one order's steps), and each publish keeps it: awaited one by one.
    await orderStatusChangedTopic.publish(this.pubSub, message, orderId.toLowerCase());
    await orderStatusChangedTopic.publish(this.pubSub, message);
  };

  /** One order's changes from now on; resolves once the pub/sub has the subscription in place. */
  watchOrder(orderId: string): Promise<SubscriptionStream<OrderStatusMessage>> {
    return live(orderStatusChangedTopic.subscribe(this.pubSub, orderId.toLowerCase()));
  }

  /** Every order's changes from now on (the admin feed); resolves once the subscription is in place. */
  watchAll(): Promise<SubscriptionStream<OrderStatusMessage>> {
    return live(orderStatusChangedTopic.subscribe(this.pubSub));
  }
}

/** Nothing published after this resolves is missed: a client whose subscription is established hears it. */
async function live<T>(stream: SubscriptionStream<T>): Promise<SubscriptionStream<T>> {
  await stream.live;
  return stream;
}
