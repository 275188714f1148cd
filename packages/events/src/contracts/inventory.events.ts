import { arrayOf, boolean, code, integer, isoDateTime, object, uuid, type Validator } from './payload-validators';

/** `inventory.stock-reserved.v1` — every line of the order is held until `reservationExpiresAt`. */
export interface StockReservedV1 {
  readonly orderId: string;
  /** ISO 8601; after it the reservation is released and the order cancelled unless it was paid. */
  readonly reservationExpiresAt: string;
}

/** `inventory.stock-reservation-failed.v1` — nothing was reserved (all lines or none). */
export interface StockReservationFailedV1 {
  readonly orderId: string;
  /** `OUT_OF_STOCK`, `UNKNOWN_PRODUCT`, … */
  readonly reason: string;
  /** The products that could not be reserved. */
  readonly productIds: readonly string[];
}

/** `inventory.stock-changed.v1` — a product's sellable quantity changed (for `stockChanged` and search). */
export interface StockChangedV1 {
  readonly productId: string;
  /** On hand minus reserved, over every warehouse. */
  readonly available: number;
  readonly inStock: boolean;
}

export const stockReservedV1: Validator<StockReservedV1> = object({ orderId: uuid, reservationExpiresAt: isoDateTime });

export const stockReservationFailedV1: Validator<StockReservationFailedV1> = object({
  orderId: uuid,
  reason: code,
  productIds: arrayOf(uuid),
});

export const stockChangedV1: Validator<StockChangedV1> = object({
  productId: uuid,
  available: integer({ min: 0 }),
  inStock: boolean,
});
