import { DomainError, isSupportedCurrency, SUPPORTED_CURRENCIES } from '@techally/platform';
import { requireSlug, requireText } from '../shared/text.validation';

/**
 * Rules for what an admin may write into a product. Each failure is BAD_USER_INPUT whose message and
 * `extensions.field` name the offending input field, so an admin form can put the message next to it.
 */

export const SKU_PATTERN = /^[A-Z0-9][A-Z0-9-]{2,31}$/;
/** $1,000,000.00: anything above is a typo in minor units (a price typed in cents twice), not a product. */
export const MAX_PRICE_AMOUNT = 100_000_000;
export const MAX_NAME_LENGTH = 200;
export const MAX_DESCRIPTION_LENGTH = 10_000;
/** 1,000 kg: the heaviest parcel a carrier of this shop takes. */
export const MAX_WEIGHT_GRAMS = 1_000_000;

export interface PriceInput {
  readonly amount: number;
  readonly currency: string;
}

export function validateSku(sku: string): string {
  if (!SKU_PATTERN.test(sku)) {
    throw DomainError.badUserInput(
      `sku must be 3 to 32 uppercase letters, digits or dashes, starting with a letter or digit (like "SNY-WH1000XM5-BLK"), got "${sku}".`,
      'sku',
    );
  }
  return sku;
}

export function validateProductName(name: string): string {
  return requireText(name, 'name', MAX_NAME_LENGTH);
}

export function validateDescription(description: string): string {
  const trimmed = description.trim();
  if (trimmed.length > MAX_DESCRIPTION_LENGTH) {
    throw DomainError.badUserInput(
      `description must be at most ${MAX_DESCRIPTION_LENGTH} characters, got ${trimmed.length}.`,
      'description',
    );
  }
  return trimmed;
}

export function validatePrice(price: PriceInput): PriceInput {
  const { amount, currency } = price;
  if (!Number.isInteger(amount) || amount < 0) {
    throw DomainError.badUserInput(
      `price.amount must be a whole, non-negative number of minor units (1999 is 19.99), got ${amount}.`,
      'price.amount',
    );
  }
  if (amount > MAX_PRICE_AMOUNT) {
    throw DomainError.badUserInput(
      `price.amount must be at most ${MAX_PRICE_AMOUNT} minor units, got ${amount}.`,
      'price.amount',
    );
  }
  if (!isSupportedCurrency(currency)) {
    throw DomainError.badUserInput(
      `price.currency must be one of ${SUPPORTED_CURRENCIES.join(', ')}, got "${currency}".`,
      'price.currency',
    );
  }
  return { amount, currency };
}

export function validateWeight(weight: number): number {
  if (!Number.isInteger(weight) || weight < 0 || weight > MAX_WEIGHT_GRAMS) {
    throw DomainError.badUserInput(
      `weight must be a whole number of grams from 0 to ${MAX_WEIGHT_GRAMS}, got ${weight}.`,
      'weight',
    );
  }
  return weight;
}

export function validateProductSlug(slug: string): string {
  return requireSlug(slug, 'slug');
}
