import type { OrderStatus, PaymentStatus } from '../gql/graphql';

/** What each status means to a shopper. */
export const ORDER_STATUS_TEXT: Record<OrderStatus, string> = {
  PENDING: 'Placed — reserving your items',
  AWAITING_PAYMENT: 'Awaiting payment',
  PAID: 'Paid — being prepared',
  FULFILLED: 'Shipped',
  CANCELLED: 'Cancelled',
  REFUNDED: 'Refunded',
};

export const PAYMENT_STATUS_TEXT: Record<PaymentStatus, string> = {
  PENDING: 'Waiting for your card',
  SUCCEEDED: 'Paid',
  FAILED: 'Declined',
  CANCELLED: 'Cancelled — nothing was charged',
  REFUNDED: 'Refunded',
};

/** Why an order was cancelled (Order.cancellationReason); an unknown code reads as a plain cancellation. */
export function cancellationText(reason: string | null): string {
  switch (reason) {
    case 'OUT_OF_STOCK':
      return 'Some items were out of stock.';
    case 'PAYMENT_FAILED':
      return 'The payment was declined or abandoned.';
    case 'PAYMENT_AMOUNT_MISMATCH':
      return 'The payment did not match the total and was refunded.';
    case 'PAYMENT_REFUNDED':
      return 'The payment was refunded.';
    case 'RESERVATION_EXPIRED':
      return 'It was not paid in time.';
    case 'STOCK_NOT_CONFIRMED':
      return 'The stock could not be confirmed in time.';
    case 'CUSTOMER_REQUESTED':
      return 'You cancelled it.';
    case 'ADMIN_REQUESTED':
      return 'The shop cancelled it.';
    default:
      return 'The order was cancelled.';
  }
}

/** A card decline (Payment.failureCode) in words, naming the problem. */
export function declineText(failureCode: string | null): string {
  switch (failureCode) {
    case 'card_declined':
      return 'Your card was declined by its bank.';
    case 'insufficient_funds':
      return 'Your card was declined: insufficient funds.';
    case 'expired_card':
      return 'Your card was declined: it has expired.';
    case 'incorrect_cvc':
      return 'Your card was declined: the security code is incorrect.';
    case 'processing_error':
      return 'Your card could not be processed.';
    default:
      return `Your card was declined${failureCode ? ` (${failureCode})` : ''}.`;
  }
}

export function formatDateTime(iso: string): string {
  return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}
