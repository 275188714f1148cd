/**
 * Where a payment is in its life. PENDING until a confirmation succeeds; FAILED after a decline (the customer
 * may try another card: a new attempt on the same payment); SUCCEEDED once the money is collected; REFUNDED
 * after an admin refund; CANCELLED when the intent is abandoned (the checkout saga's compensation).
 */
export enum PaymentStatus {
  PENDING = 'PENDING',
  SUCCEEDED = 'SUCCEEDED',
  FAILED = 'FAILED',
  CANCELLED = 'CANCELLED',
  REFUNDED = 'REFUNDED',
}

/** The statuses from which a confirmation may be attempted. */
export const CONFIRMABLE_STATUSES: ReadonlySet<PaymentStatus> = new Set([PaymentStatus.PENDING, PaymentStatus.FAILED]);

/** What one confirmation attempt came to. PROCESSING while the provider is being asked. */
export enum AttemptOutcome {
  PROCESSING = 'PROCESSING',
  SUCCEEDED = 'SUCCEEDED',
  DECLINED = 'DECLINED',
  /** The provider could not be asked or failed; the card was not charged (a retry may work). */
  ERROR = 'ERROR',
}
