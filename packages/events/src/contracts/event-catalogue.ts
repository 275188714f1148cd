import {
  stockChangedV1,
  stockReservationFailedV1,
  stockReservedV1,
  warehouseStockChangedV1,
  type StockChangedV1,
  type StockReservationFailedV1,
  type StockReservedV1,
  type WarehouseStockChangedV1,
} from './inventory.events';
import {
  orderCancelledV1,
  orderPaidV1,
  orderPlacedV1,
  orderStatusChangedV1,
  paymentRequestedV1,
  type OrderCancelledV1,
  type OrderPaidV1,
  type OrderPlacedV1,
  type OrderStatusChangedV1,
  type PaymentRequestedV1,
} from './orders.events';
import type { Validator } from './payload-validators';
import {
  categoryChangedV1,
  priceChangedV1,
  productArchivedV1,
  productCreatedV1,
  productUpdatedV1,
  type CategoryChangedV1,
  type PriceChangedV1,
  type ProductArchivedV1,
  type ProductCreatedV1,
  type ProductUpdatedV1,
} from './products.events';
import { ratingChangedV1, reviewModeratedV1, type RatingChangedV1, type ReviewModeratedV1 } from './reviews.events';
import { userChangedV1, userRegisteredV1, type UserChangedV1, type UserRegisteredV1 } from './users.events';
import {
  paymentFailedV1,
  paymentRefundedV1,
  paymentSucceededV1,
  type PaymentFailedV1,
  type PaymentRefundedV1,
  type PaymentSucceededV1,
} from './payments.events';

/**
 * THE catalogue: every event type of the graph and its payload (README.md, House style, "typed in one place"). A type
 * name is `<producing domain>.<event in kebab case>.v<major>`; the domain is also the stream it travels on.
 * A breaking change to a payload is a new entry (`…v2`) published alongside the old one until every consumer
 * moved, never an edit of a published shape.
 */
export interface EventCatalogue {
  'orders.order-placed.v1': OrderPlacedV1;
  'orders.order-cancelled.v1': OrderCancelledV1;
  'orders.order-status-changed.v1': OrderStatusChangedV1;
  'orders.payment-requested.v1': PaymentRequestedV1;
  'orders.order-paid.v1': OrderPaidV1;
  'inventory.stock-reserved.v1': StockReservedV1;
  'inventory.stock-reservation-failed.v1': StockReservationFailedV1;
  'inventory.stock-changed.v1': StockChangedV1;
  'inventory.warehouse-stock-changed.v1': WarehouseStockChangedV1;
  'payments.payment-succeeded.v1': PaymentSucceededV1;
  'payments.payment-failed.v1': PaymentFailedV1;
  'payments.payment-refunded.v1': PaymentRefundedV1;
  'products.product-created.v1': ProductCreatedV1;
  'products.product-updated.v1': ProductUpdatedV1;
  'products.price-changed.v1': PriceChangedV1;
  'products.product-archived.v1': ProductArchivedV1;
  'products.category-changed.v1': CategoryChangedV1;
  'reviews.rating-changed.v1': RatingChangedV1;
  'reviews.review-moderated.v1': ReviewModeratedV1;
  'users.user-registered.v1': UserRegisteredV1;
  'users.user-changed.v1': UserChangedV1;
}

export type EventType = keyof EventCatalogue;
export type EventPayload<T extends EventType> = EventCatalogue[T];

/**
 * The runtime half of the catalogue: one validator per type. Typed by {@link EventCatalogue}, so a type
 * without a validator (or a validator that admits another shape) does not compile.
 */
export const PAYLOAD_VALIDATORS: { readonly [T in EventType]: Validator<EventCatalogue[T]> } = Object.freeze({
  'orders.order-placed.v1': orderPlacedV1,
  'orders.order-cancelled.v1': orderCancelledV1,
  'orders.order-status-changed.v1': orderStatusChangedV1,
  'orders.payment-requested.v1': paymentRequestedV1,
  'orders.order-paid.v1': orderPaidV1,
  'inventory.stock-reserved.v1': stockReservedV1,
  'inventory.stock-reservation-failed.v1': stockReservationFailedV1,
  'inventory.stock-changed.v1': stockChangedV1,
  'inventory.warehouse-stock-changed.v1': warehouseStockChangedV1,
  'payments.payment-succeeded.v1': paymentSucceededV1,
  'payments.payment-failed.v1': paymentFailedV1,
  'payments.payment-refunded.v1': paymentRefundedV1,
  'products.product-created.v1': productCreatedV1,
  'products.product-updated.v1': productUpdatedV1,
  'products.price-changed.v1': priceChangedV1,
  'products.product-archived.v1': productArchivedV1,
  'products.category-changed.v1': categoryChangedV1,
  'reviews.rating-changed.v1': ratingChangedV1,
  'reviews.review-moderated.v1': reviewModeratedV1,
  'users.user-registered.v1': userRegisteredV1,
  'users.user-changed.v1': userChangedV1,
});

/** Every type name, in catalogue order. */
export const EVENT_TYPES = Object.freeze(Object.keys(PAYLOAD_VALIDATORS) as EventType[]);

export function isEventType(value: unknown): value is EventType {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(PAYLOAD_VALIDATORS, value);
}

/** The producing domain of a type (`orders` for `orders.order-placed.v1`): the stream it is published on. */
export function domainOf(type: string): string {
  const dot = type.indexOf('.');
  return dot > 0 ? type.slice(0, dot) : type;
}
