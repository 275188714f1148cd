import type { EnvelopeOf } from '@techally/events';
import { formatMoney } from '@techally/platform';
import type { NotificationCategory } from '../preferences/notification-category';

/** What a customer (or, LOW_STOCK, a member of staff) is told about (README.md, *Consumes*). */
export const NotificationKind = {
  ORDER_PLACED: 'ORDER_PLACED',
  ORDER_PAID: 'ORDER_PAID',
  ORDER_CANCELLED: 'ORDER_CANCELLED',
  ORDER_FULFILLED: 'ORDER_FULFILLED',
  PAYMENT_FAILED: 'PAYMENT_FAILED',
  /** Staff only, category STOCK_ALERTS (src/low-stock/). */
  LOW_STOCK: 'LOW_STOCK',
  REFUND_ISSUED: 'REFUND_ISSUED',
  REVIEW_HIDDEN: 'REVIEW_HIDDEN',
  REVIEW_RESTORED: 'REVIEW_RESTORED',
} as const;
export type NotificationKind = (typeof NotificationKind)[keyof typeof NotificationKind];

/** The events the in-app notifications are made from. */
export const NOTIFYING_EVENT_TYPES = [
  'orders.order-placed.v1',
  'orders.order-paid.v1',
  'orders.order-cancelled.v1',
  'orders.order-status-changed.v1',
  'payments.payment-failed.v1',
  'payments.payment-refunded.v1',
  'reviews.review-moderated.v1',
] as const;
export type NotifyingEvent = EnvelopeOf<(typeof NOTIFYING_EVENT_TYPES)[number]>;

/** What a user chooses to hear about (preferences): every kind belongs to one category. */
export const CATEGORY_OF_KIND: Readonly<Record<NotificationKind, NotificationCategory>> = {
  ORDER_PLACED: 'ORDER_UPDATES',
  ORDER_PAID: 'ORDER_UPDATES',
  ORDER_CANCELLED: 'ORDER_UPDATES',
  ORDER_FULFILLED: 'ORDER_UPDATES',
  PAYMENT_FAILED: 'ORDER_UPDATES',
  REFUND_ISSUED: 'ORDER_UPDATES',
  REVIEW_HIDDEN: 'REVIEWS',
  REVIEW_RESTORED: 'REVIEWS',
  LOW_STOCK: 'STOCK_ALERTS',
};

/** One in-app message, rendered from the event's facts alone (no other service is asked). */
export interface RenderedNotification {
  readonly kind: NotificationKind;
  readonly title: string;
  readonly body: string;
}

/** Why an order was cancelled, in words (orders' cancellation codes); an unknown code is spelled out. */
const CANCELLATION_REASONS: Readonly<Record<string, string>> = {
  OUT_OF_STOCK: 'an item is out of stock',
  PAYMENT_FAILED: 'the payment failed',
  PAYMENT_AMOUNT_MISMATCH: 'the amount paid did not match the order',
  PAYMENT_REFUNDED: 'the payment was refunded',
  RESERVATION_EXPIRED: 'it was not paid in time',
  STOCK_NOT_CONFIRMED: 'the stock could not be confirmed',
  CUSTOMER_REQUESTED: 'you asked us to cancel it',
};

/** Why a payment failed, in words (payments' normalised failure codes). */
const PAYMENT_FAILURES: Readonly<Record<string, string>> = {
  card_declined: 'the card was declined',
  insufficient_funds: 'the card has insufficient funds',
  expired: 'the payment was not completed in time',
  expired_card: 'the card has expired',
};

/** Why money went back, in words (payments' refund codes). */
const REFUND_REASONS: Readonly<Record<string, string>> = {
  REQUESTED_BY_ADMIN: 'our team refunded it',
  PAID_AFTER_EXPIRY: 'the payment arrived after the order had expired',
  ORDER_CANCELLED: 'the order was cancelled',
};

function inWords(code: string): string {
  return code.toLowerCase().replace(/_/g, ' ');
}

/**
 * How a notification names the order: the events carry its id, not its human number ("TA-100042", which only the
 * orders subgraph knows), so the first block of the id. Adding the number to the orders events is a later step.
 */
export function orderReference(orderId: string): string {
  return orderId.slice(0, 8).toUpperCase();
}

/** The order's human number when the event carries it (`orderNumber`, newer events), else {@link orderReference}. */
export function orderName(payload: { readonly orderId: string; readonly orderNumber?: string }): string {
  return payload.orderNumber ?? orderReference(payload.orderId);
}

function itemCount(items: ReadonlyArray<{ readonly quantity: number }>): string {
  const count = items.reduce((sum, item) => sum + item.quantity, 0);
  return count === 1 ? '1 item' : `${count} items`;
}

/** The in-app message of an event, or null when the event tells the customer nothing (a status step without news). */
export function renderInApp(event: NotifyingEvent): RenderedNotification | null {
  switch (event.type) {
    case 'orders.order-placed.v1': {
      const { items, total } = event.payload;
      const order = orderName(event.payload);
      return {
        kind: NotificationKind.ORDER_PLACED,
        title: `Order ${order} received`,
        body: `We received your order ${order}: ${itemCount(items)}, ${formatMoney(total.amount, total.currency)} in total. We will tell you when it is paid.`,
      };
    }
    case 'orders.order-paid.v1': {
      const { items, total } = event.payload;
      const order = orderName(event.payload);
      return {
        kind: NotificationKind.ORDER_PAID,
        title: `Order ${order} paid`,
        body: `Thank you: we received ${formatMoney(total.amount, total.currency)} for your order ${order} (${itemCount(items)}). We are preparing it for shipping.`,
      };
    }
    case 'orders.order-cancelled.v1': {
      const order = orderReference(event.payload.orderId);
      const reason = CANCELLATION_REASONS[event.payload.reason] ?? inWords(event.payload.reason);
      return { kind: NotificationKind.ORDER_CANCELLED, title: `Order ${order} cancelled`, body: `Your order ${order} was cancelled: ${reason}.` };
    }
    case 'orders.order-status-changed.v1': {
      if (event.payload.status !== 'FULFILLED') return null;
      const order = orderReference(event.payload.orderId);
      return { kind: NotificationKind.ORDER_FULFILLED, title: `Order ${order} shipped`, body: `Your order ${order} was handed to the carrier.` };
    }
    case 'payments.payment-failed.v1': {
      const order = orderReference(event.payload.orderId);
      const why = PAYMENT_FAILURES[event.payload.failureCode] ?? inWords(event.payload.failureCode);
      return { kind: NotificationKind.PAYMENT_FAILED, title: `Payment for order ${order} failed`, body: `The payment for your order ${order} failed: ${why}.` };
    }
    case 'payments.payment-refunded.v1': {
      const { amount, reason } = event.payload;
      const order = orderReference(event.payload.orderId);
      // Older events carry neither the amount nor the reason: the notice is then shorter, never wrong.
      const what = amount ? `${formatMoney(amount.amount, amount.currency)} for your order ${order}` : `the payment for your order ${order}`;
      const why = reason ? `: ${REFUND_REASONS[reason] ?? inWords(reason)}` : '';
      return { kind: NotificationKind.REFUND_ISSUED, title: `Refund for order ${order}`, body: `We refunded ${what}${why}. It may take a few days to show on your statement.` };
    }
    case 'reviews.review-moderated.v1': {
      const { hidden, reason } = event.payload;
      const why = reason ? ` The moderator's reason: ${reason}` : '';
      return hidden
        ? { kind: NotificationKind.REVIEW_HIDDEN, title: 'Your review was hidden', body: `A moderator hid your review; other customers no longer see it.${why}` }
        : { kind: NotificationKind.REVIEW_RESTORED, title: 'Your review is visible again', body: `A moderator restored your review; other customers see it again.${why}` };
    }
  }
}

/** The order an event is about, if any (a review's moderation is about a product). */
export function orderOf(event: NotifyingEvent): string | null {
  return 'orderId' in event.payload ? event.payload.orderId : null;
}

/** The product an event is about, if any. */
export function productOf(event: NotifyingEvent): string | null {
  return event.type === 'reviews.review-moderated.v1' ? event.payload.productId : null;
}

/** Who an event is addressed to when it says so itself: the order's customer, or the review's author. */
export function recipientNamedBy(event: NotifyingEvent): string | null {
  return event.type === 'reviews.review-moderated.v1' ? event.payload.authorId : customerNamedBy(event);
}

/** The customer of the order an event names, when it names one (`order-cancelled`, `payment-failed` and refunds do not). */
export function customerNamedBy(event: NotifyingEvent): string | null {
  return 'customerId' in event.payload ? event.payload.customerId : null;
}
