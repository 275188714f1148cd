import { DomainError } from '@techally/platform';
import { shippingCost } from './shipping.policy';
import { taxFor } from './tax.policy';

export interface PricedLineInput {
  /** Minor units, from the catalog at the moment of ordering. */
  readonly unitPrice: number;
  readonly quantity: number;
  readonly weightGrams: number;
}

export interface OrderPricing {
  /** `unitPrice × quantity` of each line, in the order given. */
  readonly lineTotals: ReadonlyArray<number>;
  readonly subtotal: number;
  readonly shipping: number;
  readonly tax: number;
  readonly total: number;
}

/** The largest amount an int column holds; an order above it cannot be stored, so it cannot be placed. */
export const MAX_ORDER_AMOUNT = 2_147_483_647;

/**
 * What an order costs, computed here from catalog prices and never taken from the client: line totals, their
 * sum, shipping (ShippingPolicy on the subtotal and total weight) and tax (TaxPolicy on subtotal + shipping
 * for the destination country).
 */
export function priceOrder(lines: ReadonlyArray<PricedLineInput>, currency: string, country: string): OrderPricing {
  const lineTotals = lines.map((line) => line.unitPrice * line.quantity);
  const subtotal = lineTotals.reduce((sum, amount) => sum + amount, 0);
  const weightGrams = lines.reduce((sum, line) => sum + line.weightGrams * line.quantity, 0);
  const shipping = shippingCost({ value: subtotal, currency, weightGrams });
  const tax = taxFor(country, subtotal + shipping);
  const total = subtotal + shipping + tax;
  if (total > MAX_ORDER_AMOUNT) {
    throw DomainError.badUserInput('This order is too large to place in one go; split it into smaller orders.', 'items');
  }
  return { lineTotals, subtotal, shipping, tax, total };
}
