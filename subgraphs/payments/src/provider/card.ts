import { DomainError } from '@techally/platform';
import type { CardBrand, CardDetails, CardSummary } from './payment-provider';

/** How far ahead an expiry date may be; cards are issued for a few years, not decades. */
const MAX_YEARS_AHEAD = 20;

/**
 * Checks a card the way a provider does before it asks the bank: the number passes the Luhn check and has
 * 12 to 19 digits (spaces and dashes allowed between them), the expiry month has not passed, the CVC has 3
 * digits (4 for American Express). Each failure is BAD_USER_INPUT naming the field (`card.number`,
 * `card.expMonth`, `card.expYear`, `card.cvc`); the messages never repeat the number.
 */
export function validateCard(card: CardDetails, now: Date = new Date()): CardDetails {
  const number = card.number.replace(/[\s-]/g, '');
  if (!/^\d{12,19}$/.test(number)) {
    throw DomainError.badUserInput('The card number must have 12 to 19 digits.', 'card.number');
  }
  if (!passesLuhn(number)) throw DomainError.badUserInput('The card number is not valid.', 'card.number');
  if (!Number.isInteger(card.expMonth) || card.expMonth < 1 || card.expMonth > 12) {
    throw DomainError.badUserInput('The expiry month must be 1 to 12.', 'card.expMonth');
  }
  const year = now.getUTCFullYear();
  if (!Number.isInteger(card.expYear) || card.expYear < year || card.expYear > year + MAX_YEARS_AHEAD) {
    throw DomainError.badUserInput(
      card.expYear < year ? 'The card has expired.' : `The expiry year must be a four-digit year up to ${year + MAX_YEARS_AHEAD}.`,
      'card.expYear',
    );
  }
  // A card is valid to the end of its expiry month.
  if (card.expYear === year && card.expMonth < now.getUTCMonth() + 1) {
    throw DomainError.badUserInput('The card has expired.', 'card.expMonth');
  }
  const cvcDigits = cardBrand(number) === 'amex' ? 4 : 3;
  if (!new RegExp(`^\\d{${cvcDigits}}$`).test(card.cvc)) {
    throw DomainError.badUserInput(`The security code (CVC) must have ${cvcDigits} digits.`, 'card.cvc');
  }
  return { number, expMonth: card.expMonth, expYear: card.expYear, cvc: card.cvc };
}

/** The Luhn (mod 10) check digit test every card number passes. */
export function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let index = 0; index < digits.length; index += 1) {
    let digit = Number(digits[digits.length - 1 - index]);
    if (index % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

/** The card network, from the number's issuer prefix. */
export function cardBrand(digits: string): CardBrand {
  if (/^4/.test(digits)) return 'visa';
  const prefix = Number(digits.slice(0, 4));
  if (/^5[1-5]/.test(digits) || (prefix >= 2221 && prefix <= 2720)) return 'mastercard';
  if (/^3[47]/.test(digits)) return 'amex';
  if (/^(6011|65|64[4-9])/.test(digits)) return 'discover';
  return 'unknown';
}

/** The only part of a card we keep: its last four digits and its network. */
export function summarizeCard(card: CardDetails): CardSummary {
  const digits = card.number.replace(/[\s-]/g, '');
  return { last4: digits.slice(-4), brand: cardBrand(digits) };
}
