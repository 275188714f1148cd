import type { OrderStatusName } from '@techally/events';
import { topic } from '@techally/platform';

/**
 * What one status change carries through the subscription pub/sub: the `orders.order-status-changed.v1`
 * payload and when the change was made. JSON-safe: `at` is ISO 8601, as both pub/sub backends deliver it.
 */
export interface OrderStatusMessage {
  readonly orderId: string;
  readonly customerId: string;
  readonly status: OrderStatusName;
  readonly previousStatus: OrderStatusName | null;
  readonly at: string;
}

/**
 * Each change is published twice: on its order's channel (`order-status-changed:<orderId>`, what
 * `orderStatusChanged(orderId)` listens to) and on the topic's own (`order-status-changed`, the admin feed).
 */
export const orderStatusChangedTopic = topic<OrderStatusMessage>('order-status-changed');
