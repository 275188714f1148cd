import { defineConsumer, type EventConsumer } from '@techally/events';
import { FOLLOW_ORDERS_GROUP, type FollowOrdersDependencies } from './follow-orders';
import { onOrderCancelled } from './order-cancelled.handler';
import { onPaymentRequested } from './payment-requested.handler';

/**
 * Payments' part of the checkout saga (step 8 of the saga contract): `orders.payment-requested.v1` opens the order's
 * payment and its provider intent; `orders.order-cancelled.v1` cancels it, or refunds it if it was collected.
 * Each handler records the event in the inbox with its database effect (`handleOnce`), then does the provider's
 * part outside any transaction on every delivery, so a provider failure is retried by the redelivery.
 */
export function followOrdersConsumer(deps: FollowOrdersDependencies): EventConsumer {
  return defineConsumer({
    group: FOLLOW_ORDERS_GROUP,
    types: ['orders.payment-requested.v1', 'orders.order-cancelled.v1'],
    handle: async (event) => {
      switch (event.type) {
        case 'orders.payment-requested.v1':
          return onPaymentRequested(deps, event);
        case 'orders.order-cancelled.v1':
          return onOrderCancelled(deps, event);
      }
    },
  });
}
