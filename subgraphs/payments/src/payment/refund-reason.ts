/**
 * Why money went back, as `payments.payment-refunded.v1` says it (issue #14: the refund notice tells the customer
 * why; reports count refunds by cause). Stable codes: consumers map them to words.
 */
export const RefundReason = {
  /** An administrator's `refundPayment`. */
  REQUESTED_BY_ADMIN: 'REQUESTED_BY_ADMIN',
  /** The customer paid after the order's stock reservation had expired (the order was cancelled meanwhile). */
  PAID_AFTER_EXPIRY: 'PAID_AFTER_EXPIRY',
  /** The provider collected another amount or currency than the order's total (orders cancelled it). */
  PAYMENT_AMOUNT_MISMATCH: 'PAYMENT_AMOUNT_MISMATCH',
  /** The money was collected for an order cancelled for any other reason (by its customer, an admin, …). */
  ORDER_CANCELLED: 'ORDER_CANCELLED',
  /** Refunded in full outside this graph (the Stripe dashboard), learnt from the provider's webhook. */
  REFUNDED_AT_PROVIDER: 'REFUNDED_AT_PROVIDER',
} as const;

export type RefundReason = (typeof RefundReason)[keyof typeof RefundReason];

/** The refund's reason when a collected payment is given back because its order was cancelled with `cancellation`. */
export function refundReasonOfCancellation(cancellation: string | null): RefundReason {
  switch (cancellation) {
    case 'RESERVATION_EXPIRED':
      return RefundReason.PAID_AFTER_EXPIRY;
    case 'PAYMENT_AMOUNT_MISMATCH':
      return RefundReason.PAYMENT_AMOUNT_MISMATCH;
    default:
      return RefundReason.ORDER_CANCELLED;
  }
}
