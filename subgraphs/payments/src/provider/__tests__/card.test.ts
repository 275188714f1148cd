import { DomainError } from '@techally/platform';
import { cardBrand, passesLuhn, summarizeCard, validateCard } from '../card';

const NOW = new Date('2026-06-15T12:00:00Z');
const good = { number: '4242 4242 4242 4242', expMonth: 12, expYear: 2030, cvc: '123' };

function failure(card: Partial<typeof good>): { code: string; field: unknown; message: string } {
  try {
    validateCard({ ...good, ...card }, NOW);
  } catch (error) {
    if (error instanceof DomainError) return { code: error.code, field: error.extensions['field'], message: error.message };
    throw error;
  }
  throw new Error('expected the card to be refused');
}

describe('passesLuhn', () => {
  it('accepts the Stripe test numbers and rejects a changed digit', () => {
    for (const number of ['4242424242424242', '4000000000000002', '4000000000009995', '4000000000000069', '5555555555554444', '378282246310005']) {
      expect({ number, valid: passesLuhn(number) }).toEqual({ number, valid: true });
    }
    expect(passesLuhn('4242424242424241')).toBe(false);
    expect(passesLuhn('4000000000000003')).toBe(false);
  });
});

describe('cardBrand', () => {
  it('tells the network from the issuer prefix', () => {
    expect(cardBrand('4242424242424242')).toBe('visa');
    expect(cardBrand('5555555555554444')).toBe('mastercard');
    expect(cardBrand('2223003122003222')).toBe('mastercard');
    expect(cardBrand('378282246310005')).toBe('amex');
    expect(cardBrand('6011111111111117')).toBe('discover');
    expect(cardBrand('9999999999999995')).toBe('unknown');
  });
});

describe('validateCard', () => {
  it('accepts a good card and strips spaces and dashes from the number', () => {
    expect(validateCard(good, NOW)).toEqual({ ...good, number: '4242424242424242' });
    expect(validateCard({ ...good, number: '4242-4242-4242-4242' }, NOW).number).toBe('4242424242424242');
  });

  it('refuses a number that fails the Luhn check, or is too short, too long or not digits: card.number', () => {
    for (const number of ['4242424242424241', '4242', '42424242424242424242', '4242 4242 abcd 4242']) {
      expect(failure({ number })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'card.number' });
    }
  });

  it('never repeats the number in its message', () => {
    expect(failure({ number: '4242424242424241' }).message).not.toContain('4242');
  });

  it('refuses a month outside 1..12: card.expMonth', () => {
    for (const expMonth of [0, 13, 1.5]) expect(failure({ expMonth })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'card.expMonth' });
  });

  it('refuses an expired card: a past year (card.expYear) or a past month of this year (card.expMonth)', () => {
    expect(failure({ expYear: 2025 })).toEqual({ code: 'BAD_USER_INPUT', field: 'card.expYear', message: 'The card has expired.' });
    expect(failure({ expYear: 2026, expMonth: 5 })).toEqual({ code: 'BAD_USER_INPUT', field: 'card.expMonth', message: 'The card has expired.' });
  });

  it('accepts a card until the end of its expiry month', () => {
    expect(validateCard({ ...good, expYear: 2026, expMonth: 6 }, NOW).expMonth).toBe(6);
  });

  it('refuses a two-digit or far-future year: card.expYear', () => {
    expect(failure({ expYear: 30 })).toMatchObject({ field: 'card.expYear' });
    expect(failure({ expYear: 2047 })).toMatchObject({ field: 'card.expYear', message: 'The expiry year must be a four-digit year up to 2046.' });
  });

  it('wants 3 CVC digits, 4 for American Express: card.cvc', () => {
    for (const cvc of ['12', '1234', 'abc', '']) expect(failure({ cvc })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'card.cvc' });
    expect(failure({ number: '378282246310005', cvc: '123' })).toMatchObject({ field: 'card.cvc', message: 'The security code (CVC) must have 4 digits.' });
    expect(validateCard({ ...good, number: '378282246310005', cvc: '1234' }, NOW).cvc).toBe('1234');
  });
});

describe('summarizeCard', () => {
  it('keeps only the last four digits and the brand', () => {
    expect(summarizeCard(good)).toEqual({ last4: '4242', brand: 'visa' });
  });
});
