import type { EventMoney } from './money.contract';
import { money } from './money.contract';
import { arrayOf, code, integer, isoDateTime, object, oneOf, optional, text, uuid, type Validator } from './payload-validators';

/** The order statuses as events name them; the orders subgraph's state machine decides which may follow which. */
export const ORDER_STATUSES = ['PENDING', 'AWAITING_PAYMENT', 'PAID', 'FULFILLED', 'CANCELLED', 'REFUNDED'] as const;
export type OrderStatusName = (typeof ORDER_STATUSES)[number];

/**
 * One line of an order as the order events carry it. `productId` and `quantity` are the contract's core; the
 * rest (issue #14) lets a consumer render the line without asking products — a receipt, a report — and is
 * optional because events published before it lack it: a consumer must cope with its absence.
 */
export interface OrderLineV1 {
  readonly productId: string;
  readonly quantity: number;
  /** The product's name when the order was placed (what the customer saw). */
  readonly name?: string;
  readonly sku?: string;
  /** The price of one unit at placeOrder; the line's total is `unitPrice.amount × quantity`. */
  readonly unitPrice?: EventMoney;
}

/** `orders.order-placed.v1` — an order was committed; the saga starts here (inventory reserves its lines). */
export interface OrderPlacedV1 {
  readonly orderId: string;
  /** The order's human number (`TA-100042`); optional, see {@link OrderLineV1}. */
  readonly orderNumber?: string;
  readonly customerId: string;
  readonly items: readonly OrderLineV1[];
  /** What the customer will be charged, computed by the server. */
  readonly total: EventMoney;
}

/** `orders.order-cancelled.v1` — the order will not be fulfilled; holders of its stock or money compensate. */
export interface OrderCancelledV1 {
  readonly orderId: string;
  /** Why, as a code (`OUT_OF_STOCK`, `PAYMENT_FAILED`, `RESERVATION_EXPIRED`, `CUSTOMER_REQUESTED`, …). */
  readonly reason: string;
}

/** `orders.order-status-changed.v1` — every transition, for `orderStatusChanged` subscribers and read models. */
export interface OrderStatusChangedV1 {
  readonly orderId: string;
  readonly customerId: string;
  readonly status: OrderStatusName;
  /** Null when the order was just placed. */
  readonly previousStatus: OrderStatusName | null;
}

/**
 * `orders.payment-requested.v1` — every line is reserved and the order moved to AWAITING_PAYMENT: payments opens
 * the payment (one PaymentIntent per order) for exactly this amount.
 */
export interface PaymentRequestedV1 {
  readonly orderId: string;
  readonly customerId: string;
  /** The order's total, computed by the server at placeOrder. */
  readonly amount: EventMoney;
  /** ISO 8601: when the reservation expires and an unpaid order is cancelled. */
  readonly payBy: string;
}

/** `orders.order-paid.v1` — the order is PAID: inventory commits its reservation, read models learn who bought what. */
export interface OrderPaidV1 {
  readonly orderId: string;
  /** Optional, see {@link OrderLineV1}. */
  readonly orderNumber?: string;
  readonly customerId: string;
  readonly items: readonly OrderLineV1[];
  readonly total: EventMoney;
}

const status = oneOf(ORDER_STATUSES);
const statusOrNull: Validator<OrderStatusName | null> = (value, path, problems): value is OrderStatusName | null =>
  value === null || status(value, path, problems);

const orderLine = object({
  productId: uuid,
  quantity: integer({ min: 1 }),
  name: optional(text(500)),
  sku: optional(text(100)),
  unitPrice: optional(money),
});

export const orderPlacedV1: Validator<OrderPlacedV1> = object({
  orderId: uuid,
  orderNumber: optional(text(40)),
  customerId: uuid,
  items: arrayOf(orderLine, { minLength: 1 }),
  total: money,
});

export const orderCancelledV1: Validator<OrderCancelledV1> = object({ orderId: uuid, reason: code });

export const orderStatusChangedV1: Validator<OrderStatusChangedV1> = object({
  orderId: uuid,
  customerId: uuid,
  status,
  previousStatus: statusOrNull,
});

export const paymentRequestedV1: Validator<PaymentRequestedV1> = object({
  orderId: uuid,
  customerId: uuid,
  amount: money,
  payBy: isoDateTime,
});

export const orderPaidV1: Validator<OrderPaidV1> = object({
  orderId: uuid,
  orderNumber: optional(text(40)),
  customerId: uuid,
  items: arrayOf(orderLine, { minLength: 1 }),
  total: money,
});
