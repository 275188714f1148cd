/**
 * Why an order was cancelled, as a stable code (issue #4, the saga contract). Stored on the order, carried by
 * `orders.order-cancelled.v1` and exposed as `Order.cancellationReason`.
 */
export const CancellationReason = {
  /** Inventory could not reserve every line. */
  OUT_OF_STOCK: 'OUT_OF_STOCK',
  /** The payment was declined or abandoned. */
  PAYMENT_FAILED: 'PAYMENT_FAILED',
  /** The payment captured another amount or currency than the order's total (payments refunds it). */
  PAYMENT_AMOUNT_MISMATCH: 'PAYMENT_AMOUNT_MISMATCH',
  /**
   * The payment was refunded while the order still awaited it (its success not yet seen here): the money went
   * back, so the order must not become PAID when that success arrives.
   */
  PAYMENT_REFUNDED: 'PAYMENT_REFUNDED',
  /**
   * Inventory never answered the order's `order-placed` before ORDER_PENDING_TIMEOUT_MS, though it was published
   * again every ORDER_PENDING_REDRIVE_INTERVAL_MS (the pending-order deadline, issue #9): events lost on the way.
   */
  STOCK_NOT_CONFIRMED: 'STOCK_NOT_CONFIRMED',
  /** Not paid before the stock reservation expired (the expiry sweeper). */
  RESERVATION_EXPIRED: 'RESERVATION_EXPIRED',
  /** `cancelOrder` by the order's customer. */
  CUSTOMER_REQUESTED: 'CUSTOMER_REQUESTED',
  /** `cancelOrder` by an administrator. */
  ADMIN_REQUESTED: 'ADMIN_REQUESTED',
} as const;

export type CancellationReason = (typeof CancellationReason)[keyof typeof CancellationReason];
