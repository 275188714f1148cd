import { arrayOf, boolean, code, integer, isoDateTime, object, optional, text, uuid, type Validator } from './payload-validators';

/** `inventory.stock-reserved.v1` — every line of the order is held until `reservationExpiresAt`. */
export interface StockReservedV1 {
  readonly orderId: string;
  /** ISO 8601; after it the reservation is released and the order cancelled unless it was paid. */
  readonly reservationExpiresAt: string;
  /**
   * Which warehouse holds what (issue #14: sales by warehouse). Optional: events published before it lack it.
   */
  readonly allocations?: ReadonlyArray<{ readonly productId: string; readonly warehouseId: string; readonly quantity: number }>;
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
  /**
   * True when the same change is published per warehouse too (`inventory.warehouse-stock-changed.v1`, issue #14):
   * a consumer that watches warehouses takes its figures from those. Absent in events from before them.
   */
  readonly perWarehouse?: boolean;
}

export const stockReservedV1: Validator<StockReservedV1> = object({
  orderId: uuid,
  reservationExpiresAt: isoDateTime,
  allocations: optional(arrayOf(object({ productId: uuid, warehouseId: uuid, quantity: integer({ min: 1 }) }))),
});

/**
 * `inventory.warehouse-stock-changed.v1` — one product's stock in one warehouse after a change (an adjustment, a
 * reservation, its release or commit): a snapshot, not a delta, so duplicates and replays are harmless and the
 * newest `occurredAt` wins. For stock on hand by warehouse (analytics) and per-warehouse low-stock alerts
 * (notifications); `inventory.stock-changed.v1` stays the product-wide figure for the storefront.
 */
export interface WarehouseStockChangedV1 {
  readonly productId: string;
  readonly warehouseId: string;
  /** The warehouse's short code (`BER-1`), for humans reading an alert or a report. */
  readonly warehouseCode: string;
  readonly onHand: number;
  readonly reserved: number;
  /** `onHand − reserved`. */
  readonly available: number;
}

export const warehouseStockChangedV1: Validator<WarehouseStockChangedV1> = object({
  productId: uuid,
  warehouseId: uuid,
  warehouseCode: text(16),
  onHand: integer({ min: 0 }),
  reserved: integer({ min: 0 }),
  available: integer({ min: 0 }),
});

export const stockReservationFailedV1: Validator<StockReservationFailedV1> = object({
  orderId: uuid,
  reason: code,
  productIds: arrayOf(uuid),
});

export const stockChangedV1: Validator<StockChangedV1> = object({
  productId: uuid,
  available: integer({ min: 0 }),
  inStock: boolean,
  perWarehouse: optional(boolean),
});
