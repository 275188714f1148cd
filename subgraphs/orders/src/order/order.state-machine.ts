import { OrderStatus } from './order-status';
import { OrderError } from './order.errors';

/**
 * The order life cycle, explicit and complete: every status a status may move to. Anything not listed is an
 * illegal transition. CANCELLED and REFUNDED are terminal.
 *
 *   PENDING ──▶ AWAITING_PAYMENT ──▶ PAID ──▶ FULFILLED
 *      │               │               │          │
 *      └──▶ CANCELLED ◀┘               └──────────┴──▶ REFUNDED
 */
export const ORDER_TRANSITIONS: Readonly<Record<OrderStatus, ReadonlyArray<OrderStatus>>> = Object.freeze({
  [OrderStatus.PENDING]: [OrderStatus.AWAITING_PAYMENT, OrderStatus.CANCELLED],
  [OrderStatus.AWAITING_PAYMENT]: [OrderStatus.PAID, OrderStatus.CANCELLED],
  [OrderStatus.PAID]: [OrderStatus.FULFILLED, OrderStatus.REFUNDED],
  [OrderStatus.FULFILLED]: [OrderStatus.REFUNDED],
  [OrderStatus.CANCELLED]: [],
  [OrderStatus.REFUNDED]: [],
});

/** True when an order in `from` may move to `to`. */
export function canTransition(from: OrderStatus, to: OrderStatus): boolean {
  return ORDER_TRANSITIONS[from].includes(to);
}

/** Throws ILLEGAL_ORDER_TRANSITION naming both statuses unless `from → to` is in the table above. */
export function assertTransition(from: OrderStatus, to: OrderStatus): void {
  if (!canTransition(from, to)) throw OrderError.illegalTransition(from, to);
}

/** A status with nowhere to go. */
export function isTerminal(status: OrderStatus): boolean {
  return ORDER_TRANSITIONS[status].length === 0;
}

/** The statuses an order can still be cancelled from, read off the table (PENDING, AWAITING_PAYMENT). */
export const CANCELLABLE_STATUSES: ReadonlyArray<OrderStatus> = Object.values(OrderStatus).filter((status) =>
  canTransition(status, OrderStatus.CANCELLED),
);
