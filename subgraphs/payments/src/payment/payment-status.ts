/**
 * Where a payment is in its life (the checkout saga, issue #4). PENDING: the intent is open and waits for a card.
 * SUCCEEDED: the money is collected. FAILED: declined, which is final — the order is cancelled and its stock
 * released, and the payment stays FAILED (its intent is cancelled at the provider). CANCELLED: abandoned before
 * any decline, nothing was or will be collected (the order was cancelled, or its intent at the provider).
 * REFUNDED: collected, then given back (an admin refund, or a success for an order already cancelled). The
 * transitions and the events they write are in payment-transitions.ts.
 */
export enum PaymentStatus {
  PENDING = 'PENDING',
  SUCCEEDED = 'SUCCEEDED',
  FAILED = 'FAILED',
  CANCELLED = 'CANCELLED',
  REFUNDED = 'REFUNDED',
}

/** The statuses from which a confirmation may be attempted: only an open intent (a decline is final). */
export const CONFIRMABLE_STATUSES: ReadonlySet<PaymentStatus> = new Set([PaymentStatus.PENDING]);

/** What one confirmation attempt came to. PROCESSING while the provider is being asked. */
export enum AttemptOutcome {
  PROCESSING = 'PROCESSING',
  SUCCEEDED = 'SUCCEEDED',
  DECLINED = 'DECLINED',
  /** The provider could not be asked or failed; the card was not charged (a retry may work). */
  ERROR = 'ERROR',
}
