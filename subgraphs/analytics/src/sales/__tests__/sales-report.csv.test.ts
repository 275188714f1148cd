// The platform loads reflect-metadata, which the decorated report types need when they are defined.
import '@techally/platform';
import { csvField, decimalAmount } from '../sales-report.csv';
import { allocateTotal } from '../sales-facts';

describe('a CSV field', () => {
  it.each([
    ['plain', 'plain'],
    ['Keyboard, "Pro"', '"Keyboard, ""Pro"""'],
    ['two\nlines', '"two\nlines"'],
    ['=HYPERLINK("x")', `"'=HYPERLINK(""x"")"`],
    ['-5 cable', "'-5 cable"],
    ['@mention', "'@mention"],
    [42, '42'],
    [null, ''],
  ])('%j is written %j', (value, written) => {
    expect(csvField(value)).toBe(written);
  });

  it('writes minor units as decimals in the currency’s exponent', () => {
    expect(decimalAmount(1999, 'USD')).toBe('19.99');
    expect(decimalAmount(5, 'EUR')).toBe('0.05');
    expect(decimalAmount(500, 'JPY')).toBe('500');
    expect(decimalAmount(-1050, 'USD')).toBe('-10.50');
  });
});

describe('a paid total split over its lines', () => {
  it('follows the line prices when every line carries one, and adds up to the total', () => {
    const lines = allocateTotal(
      [
        { productId: 'keyboard', quantity: 1, unitPrice: { amount: 7000, currency: 'USD' } },
        { productId: 'mouse', quantity: 2, unitPrice: { amount: 1000, currency: 'USD' } },
      ],
      9000,
      'USD',
    );
    expect(lines.map((line) => [line.productId, line.quantity, line.revenueAmount])).toEqual([['keyboard', 1, 7000], ['mouse', 2, 2000]]);
  });

  it('falls back to units when a line has no price (an event from before prices travelled), still adding up', () => {
    const lines = allocateTotal([{ productId: 'a', quantity: 1, unitPrice: { amount: 100, currency: 'USD' } }, { productId: 'b', quantity: 2 }], 1000, 'USD');
    expect(lines.map((line) => line.revenueAmount)).toEqual([333, 667]);
  });
});
