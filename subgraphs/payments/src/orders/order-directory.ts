import type { ForwardedRequest, ServiceClient } from '@techally/platform';

/** What payments needs to know about an order, as the orders subgraph tells it. */
export interface OrderFacts {
  readonly id: string;
  /** The orders subgraph's OrderStatus (PENDING, AWAITING_PAYMENT, PAID, FULFILLED, CANCELLED, REFUNDED). */
  readonly status: string;
  /** Minor units and currency: the only amount payments ever charges. */
  readonly total: { readonly amount: number; readonly currency: string };
  readonly customerId: string;
}

/** The order statuses in which an order waits for its money. */
export const PAYABLE_ORDER_STATUSES: ReadonlySet<string> = new Set(['PENDING', 'AWAITING_PAYMENT']);

/** Asks the orders subgraph about orders, as the caller (their forwarded Authorization). */
export interface OrderDirectory {
  /**
   * The order, or null when the orders subgraph does not show it to this caller (unknown, or someone else's).
   * SERVICE_UNAVAILABLE when the orders subgraph does not answer. Never call inside a transaction.
   */
  find(orderId: string, forwarded: ForwardedRequest): Promise<OrderFacts | null>;
}

interface OrderEntity {
  id: string;
  status: string;
  total: { amount: number; currency: string };
  customer: { id: string };
}

/** Through the orders subgraph's `_entities`, as the gateway would resolve an Order: the owner's rules apply. */
export function createOrderDirectory(orders: ServiceClient): OrderDirectory {
  return {
    async find(orderId, forwarded) {
      const [order] = await orders.entities<OrderEntity>(
        'Order',
        [{ id: orderId }],
        'id status total { amount currency } customer { id }',
        forwarded,
      );
      if (!order) return null;
      return { id: order.id, status: order.status, total: order.total, customerId: order.customer.id };
    },
  };
}
