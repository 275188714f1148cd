import { DomainError } from '@techally/platform';

/** E.164: a plus, a country code that does not start with 0, at most 15 digits in all (ITU-T E.164 §6). */
const E164 = /^\+[1-9]\d{6,14}$/;

/** What people type between the digits ("+49 151 1234-5678", "+1 (415) 555.0100"), dropped before checking. */
const SEPARATORS = /[\s().-]/g;

/**
 * The SMS number as stored and sent: E.164. Spaces, dashes, dots and brackets are forgiven; anything else
 * (no leading "+", letters, too short or long) is BAD_USER_INPUT naming the field.
 */
export function normalizeSmsNumber(input: string): string {
  const candidate = input.replace(SEPARATORS, '');
  if (!E164.test(candidate)) {
    throw DomainError.badUserInput(
      `"smsNumber" must be an international number in E.164 form, such as +4915112345678 (a "+", the country code, then the number; 7 to 15 digits in all), got ${JSON.stringify(input.slice(0, 32))}.`,
      'smsNumber',
    );
  }
  return candidate;
}
