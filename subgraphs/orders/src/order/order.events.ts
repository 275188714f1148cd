import { createEvent, type AnyEventEnvelope, type EventMetadata, type OrderLineV1 } from '@techally/events';
import type { CancellationReason } from './cancellation-reason';
import type { OrderItem } from './order-item.entity';
import { OrderStatus } from './order-status';
import type { Order } from './order.entity';

/**
 * The events orders writes to its outbox (the catalogue's `orders.*` types), built from the rows they describe.
 * Which events a step writes is decided here, once, so no path can change a status without telling the others
 * (issue #4: "EVERY order status transition writes orders.order-status-changed.v1").
 */

/**
 * What a placed order announces, in this order: `order-placed`, then `order-status-changed` (→ PENDING). The
 * order must have its number (drawn by the database on insert): build these after the insert's flush.
 */
export function orderPlacedEvents(order: Order, items: ReadonlyArray<OrderItem>, metadata: EventMetadata): AnyEventEnvelope[] {
  return [
    createEvent(
      'orders.order-placed.v1',
      order.id,
      { orderId: order.id, orderNumber: order.number, customerId: order.customerId, items: lines(items, order.currency), total: totalOf(order) },
      metadata,
    ),
    statusChanged(order, null, OrderStatus.PENDING, metadata),
  ];
}

/**
 * What a past sale announces when the demo shop is seeded with its history: `order-placed` at the order's placement
 * and `order-paid` at its payment (their `occurredAt`), as its checkout did. Nothing of the saga in between
 * (`payment-requested` would open a second payment): the read models learn the sale, inventory finds its stock
 * committed already and payments is not asked.
 */
export function pastSaleEvents(order: Order, items: ReadonlyArray<OrderItem>, paidAt: Date): AnyEventEnvelope[] {
  const facts = { orderId: order.id, orderNumber: order.number, customerId: order.customerId, items: lines(items, order.currency), total: totalOf(order) };
  return [
    createEvent('orders.order-placed.v1', order.id, facts, {}, { occurredAt: order.placedAt }),
    createEvent('orders.order-paid.v1', order.id, facts, {}, { occurredAt: paidAt }),
  ];
}

/** What one status change carries besides the new status (the facts its own event needs). */
export interface TransitionFacts {
  readonly from: OrderStatus;
  readonly to: OrderStatus;
  /** Set when `to` is CANCELLED. */
  readonly cancellationReason?: CancellationReason | undefined;
  /** Set when `to` is AWAITING_PAYMENT. */
  readonly paymentDueAt?: Date | undefined;
  /** The order's lines; needed when `to` is PAID. */
  readonly items?: ReadonlyArray<OrderItem> | undefined;
}

/**
 * The events of one transition, in this order: `order-status-changed`, then the step's own event —
 * `payment-requested` (→ AWAITING_PAYMENT), `order-paid` (→ PAID), `order-cancelled` (→ CANCELLED).
 * Throws when a fact the step's event needs is missing (a bug of the caller, never the client's fault).
 */
export function transitionEvents(order: Order, facts: TransitionFacts, metadata: EventMetadata): AnyEventEnvelope[] {
  const events = [statusChanged(order, facts.from, facts.to, metadata)];
  switch (facts.to) {
    case OrderStatus.AWAITING_PAYMENT:
      events.push(
        createEvent(
          'orders.payment-requested.v1',
          order.id,
          {
            orderId: order.id,
            customerId: order.customerId,
            amount: totalOf(order),
            payBy: required(facts.paymentDueAt, 'paymentDueAt', facts.to).toISOString(),
          },
          metadata,
        ),
      );
      break;
    case OrderStatus.PAID:
      events.push(
        createEvent(
          'orders.order-paid.v1',
          order.id,
          {
            orderId: order.id,
            orderNumber: order.number,
            customerId: order.customerId,
            items: lines(required(facts.items, 'items', facts.to), order.currency),
            total: totalOf(order),
          },
          metadata,
        ),
      );
      break;
    case OrderStatus.CANCELLED:
      events.push(
        createEvent(
          'orders.order-cancelled.v1',
          order.id,
          { orderId: order.id, reason: required(facts.cancellationReason, 'cancellationReason', facts.to) },
          metadata,
        ),
      );
      break;
    default:
      break;
  }
  return events;
}

function statusChanged(order: Order, from: OrderStatus | null, to: OrderStatus, metadata: EventMetadata): AnyEventEnvelope {
  return createEvent(
    'orders.order-status-changed.v1',
    order.id,
    { orderId: order.id, customerId: order.customerId, status: to, previousStatus: from },
    metadata,
  );
}

/**
 * The lines as bought (issue #14): the name, SKU and unit price the order stored when it was placed, so a
 * receipt or a sales figure needs no other service (and shows what the customer saw, not today's catalog).
 */
function lines(items: ReadonlyArray<OrderItem>, currency: string): OrderLineV1[] {
  return [...items]
    .sort((a, b) => a.position - b.position)
    .map((item) => ({
      productId: item.productId,
      quantity: item.quantity,
      name: item.name,
      sku: item.sku,
      unitPrice: { amount: item.unitPrice, currency },
    }));
}

function totalOf(order: Order): { amount: number; currency: string } {
  return { amount: order.total, currency: order.currency };
}

function required<T>(value: T | undefined, name: string, to: OrderStatus): T {
  if (value === undefined) throw new Error(`a transition to ${to} needs ${name}`);
  return value;
}
