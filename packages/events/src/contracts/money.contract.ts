import { integer, object, type Validator } from './payload-validators';

/**
 * Money as every event carries it: the same shape as the graph's `Money` (README.md, Design decisions) without the display
 * string — an integer amount in minor units and an ISO 4217 currency code.
 */
export interface EventMoney {
  /** Minor units (cents): 1999 is 19.99 in a two-decimal currency. */
  readonly amount: number;
  /** ISO 4217, upper case (`USD`). */
  readonly currency: string;
}

const currency: Validator<string> = (value, path, problems): value is string => {
  if (typeof value === 'string' && /^[A-Z]{3}$/.test(value)) return true;
  problems.push(`${path}: expected an ISO 4217 currency code, got ${JSON.stringify(value) ?? typeof value}`);
  return false;
};

export const money: Validator<EventMoney> = object({ amount: integer({ min: 0 }), currency });
