/**
 * Where an order's hold on stock stands. Only ACTIVE may change, and only once: to COMMITTED (the order was
 * paid: the units leave on-hand stock) or to RELEASED (the order was cancelled: the units are sellable again).
 */
export enum ReservationStatus {
  ACTIVE = 'ACTIVE',
  COMMITTED = 'COMMITTED',
  /** Released, or — without lines — the tombstone of an order cancelled before its stock was reserved. */
  RELEASED = 'RELEASED',
}
