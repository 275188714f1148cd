/**
 * Where an order is in its life. Which status may follow which is decided in one place only:
 * order.state-machine.ts.
 */
export enum OrderStatus {
  /** Placed; prices and address are fixed, nothing is reserved or charged yet. */
  PENDING = 'PENDING',
  /** Stock is reserved and a payment was asked for. */
  AWAITING_PAYMENT = 'AWAITING_PAYMENT',
  PAID = 'PAID',
  /** Handed to the carrier. */
  FULFILLED = 'FULFILLED',
  CANCELLED = 'CANCELLED',
  REFUNDED = 'REFUNDED',
}
