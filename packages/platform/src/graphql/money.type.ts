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

/** A formatter per currency, with its minor-unit exponent read once (`resolvedOptions()` builds a new object). */
const formatters = new Map<string, { readonly format: Intl.NumberFormat; readonly divisor: number }>();

/**
 * Formatted amounts already asked for. A catalog repeats a few hundred prices in every listing, and
 * `Intl.NumberFormat#format` costs microseconds each time; bounded (emptied when full), as amounts are unbounded.
 */
const formatted = new Map<string, string>();
const MAX_FORMATTED = 10_000;

/** Formats minor units for display in the shop's locale (en-US): 1999 USD → "$19.99". */
export function formatMoney(amount: number, currency: string): string {
  const key = `${currency}${amount}`;
  let text = formatted.get(key);
  if (text === undefined) {
    text = formatUncached(amount, currency);
    if (formatted.size >= MAX_FORMATTED) formatted.clear();
    formatted.set(key, text);
  }
  return text;
}

function formatUncached(amount: number, currency: string): string {
  let formatter = formatters.get(currency);
  if (!formatter) {
    const format = new Intl.NumberFormat('en-US', { style: 'currency', currency });
    formatter = { format, divisor: 10 ** (format.resolvedOptions().maximumFractionDigits ?? 2) };
    formatters.set(currency, formatter);
  }
  return formatter.format.format(amount / formatter.divisor);
}
