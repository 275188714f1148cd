import type { DomainError } from '@techally/platform';
import {
  MAX_PRICE_AMOUNT,
  validateDescription,
  validatePrice,
  validateProductName,
  validateProductSlug,
  validateSku,
  validateWeight,
} from '../product.validation';

/** The error `run` throws, for assertions on its code, field and message. */
function rejection(run: () => unknown): DomainError {
  try {
    run();
  } catch (error) {
    return error as DomainError;
  }
  throw new Error('expected a rejection');
}

describe('product validation', () => {
  describe('sku', () => {
    it.each(['SNY-WH1000XM5-BLK', 'ABC', '1ZP-JMAX-BLK', 'A'.repeat(32)])('accepts %s', (sku) => {
      expect(validateSku(sku)).toBe(sku);
    });

    it.each(['AB', 'abc-123', '-ABC', 'ABC 123', 'ABC_123', 'A'.repeat(33), ''])('refuses %j, naming the sku field', (sku) => {
      const error = rejection(() => validateSku(sku));
      expect(error.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'sku' });
      expect(error.message).toContain(`"${sku}"`);
    });
  });

  describe('price', () => {
    it('accepts zero, the maximum and every supported currency', () => {
      expect(validatePrice({ amount: 0, currency: 'USD' })).toEqual({ amount: 0, currency: 'USD' });
      expect(validatePrice({ amount: MAX_PRICE_AMOUNT, currency: 'EUR' })).toEqual({ amount: MAX_PRICE_AMOUNT, currency: 'EUR' });
      expect(validatePrice({ amount: 1999, currency: 'GBP' }).currency).toBe('GBP');
    });

    it.each([-1, 1.5, MAX_PRICE_AMOUNT + 1, Number.NaN])('refuses an amount of %s, naming price.amount', (amount) => {
      const error = rejection(() => validatePrice({ amount, currency: 'USD' }));
      expect(error.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'price.amount' });
    });

    it.each(['usd', 'XYZ', 'JPY', ''])('refuses the currency %j, listing the supported ones', (currency) => {
      const error = rejection(() => validatePrice({ amount: 100, currency }));
      expect(error.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'price.currency' });
      expect(error.message).toContain('USD, EUR, GBP');
    });
  });

  describe('name, description, weight and slug', () => {
    it('trims names and refuses empty or over-long ones', () => {
      expect(validateProductName('  Sony WH-1000XM5  ')).toBe('Sony WH-1000XM5');
      expect(rejection(() => validateProductName('   ')).extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'name' });
      expect(rejection(() => validateProductName('x'.repeat(201))).message).toContain('at most 200');
    });

    it('allows an empty description but not an endless one', () => {
      expect(validateDescription('')).toBe('');
      expect(rejection(() => validateDescription('x'.repeat(10_001))).extensions).toMatchObject({ field: 'description' });
    });

    it('accepts whole grams from zero and refuses negative or fractional weights', () => {
      expect(validateWeight(0)).toBe(0);
      expect(rejection(() => validateWeight(-1)).extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'weight' });
      expect(rejection(() => validateWeight(2.5)).extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'weight' });
    });

    it('accepts lowercase dash-separated slugs only', () => {
      expect(validateProductSlug('sony-wh-1000xm5')).toBe('sony-wh-1000xm5');
      for (const slug of ['Sony', 'a--b', '-a', 'a b', '']) {
        expect(rejection(() => validateProductSlug(slug)).extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'slug' });
      }
    });
  });
});
