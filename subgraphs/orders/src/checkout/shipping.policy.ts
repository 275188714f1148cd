/**
 * The shop's one shipping rule, used for both `Product.shippingEstimate` and the shipping an order pays, so a
 * storefront's estimate and the checkout's charge cannot disagree. Amounts are minor units of the shop
 * currency (USD).
 *
 * - free when the value shipped (a product's price, an order's subtotal) is at least $100.00;
 * - otherwise $4.99, plus $1.00 for every started kilogram above the first (1,000 g ships for $4.99,
 *   1,001 g for $5.99, 2,500 g for $6.99).
 */
export const SHOP_CURRENCY = 'USD';
export const FREE_SHIPPING_FROM = 10_000;
export const BASE_SHIPPING = 499;
export const INCLUDED_WEIGHT_GRAMS = 1_000;
export const PER_STARTED_KILOGRAM = 100;

export interface Shipment {
  /** What the parcel is worth, in minor units of `currency`. */
  readonly value: number;
  readonly currency: string;
  readonly weightGrams: number;
}

/**
 * The shipping cost of a parcel, in minor units of the shop currency. A value in another currency cannot be
 * compared with the threshold, so it never ships free (orders refuse such products anyway).
 */
export function shippingCost({ value, currency, weightGrams }: Shipment): number {
  if (currency === SHOP_CURRENCY && value >= FREE_SHIPPING_FROM) return 0;
  const extraKilograms = Math.ceil(Math.max(0, weightGrams - INCLUDED_WEIGHT_GRAMS) / 1_000);
  return BASE_SHIPPING + extraKilograms * PER_STARTED_KILOGRAM;
}
