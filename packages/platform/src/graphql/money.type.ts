import 'reflect-metadata';
import { Directive, Field, Int, ObjectType } from 'type-graphql';
import { CACHE_INHERIT } from '../cache/cache-control';
import { PARTNER_TAG } from './partner-tag';

/** Currencies the shop trades in, with the number of minor units per major unit. */
export const SUPPORTED_CURRENCIES = ['USD', 'EUR', 'GBP'] as const;
export type Currency = (typeof SUPPORTED_CURRENCIES)[number];

export function isSupportedCurrency(value: string): value is Currency {
  return (SUPPORTED_CURRENCIES as ReadonlyArray<string>).includes(value);
}

/**
 * An amount of money. A @shareable value type: every subgraph that returns money defines this same type, so
 * it lives here once. Amounts are integers in minor units (cents) so nothing is lost to floating point.
 */
@ObjectType('Money', { description: 'An amount of money in minor units (cents), with its ISO 4217 currency.' })
@Directive('@shareable')
@Directive(CACHE_INHERIT)
export class Money {
  @Directive(PARTNER_TAG)
  @Field(() => Int, { description: 'Amount in minor units: 1999 is $19.99.' })
  amount!: number;

  @Directive(PARTNER_TAG)
  @Field({ description: 'ISO 4217 currency code.' })
  currency!: string;

  @Directive(PARTNER_TAG)
  @Field({ description: 'Human-readable, e.g. "$19.99".' })
  formatted!: string;

  static of(amount: number, currency: string): Money {
    const money = new Money();
    money.amount = amount;
    money.currency = currency;
    money.formatted = formatMoney(amount, currency);
    return money;
  }
}

const formatters = new Map<string, Intl.NumberFormat>();

/** Formats minor units for display in the shop's locale (en-US): 1999 USD → "$19.99". */
export function formatMoney(amount: number, currency: string): string {
  let formatter = formatters.get(currency);
  if (!formatter) {
    formatter = new Intl.NumberFormat('en-US', { style: 'currency', currency });
    formatters.set(currency, formatter);
  }
  const digits = formatter.resolvedOptions().maximumFractionDigits ?? 2;
  return formatter.format(amount / 10 ** digits);
}
