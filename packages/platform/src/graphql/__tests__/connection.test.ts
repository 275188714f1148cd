import { decodeCursor, encodeCursor, pageSize } from '../connection';
import { formatMoney, Money } from '../money.type';

describe('connections', () => {
  it('accepts first between 1 and 100 and defaults to 20', () => {
    expect(pageSize(undefined)).toBe(20);
    expect(pageSize(1)).toBe(1);
    expect(pageSize(100)).toBe(100);
  });

  it.each([0, -1, 101, 1000, 2.5])('refuses first: %p with BAD_USER_INPUT', (first) => {
    expect(() => pageSize(first)).toThrow(expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT', field: 'first' } }));
  });

  it('round-trips a cursor and refuses a tampered one', () => {
    const cursor = encodeCursor([1999, 'f3a9']);
    expect(decodeCursor(cursor, 2)).toEqual([1999, 'f3a9']);
    expect(() => decodeCursor(cursor, 3)).toThrow(/cursor/);
    expect(() => decodeCursor('%%%', 2)).toThrow(expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT', field: 'after' } }));
    expect(() => decodeCursor(Buffer.from('[{"x":1},2]').toString('base64url'), 2)).toThrow(/cursor/);
  });
});

describe('money', () => {
  it('formats minor units in the currency', () => {
    expect(formatMoney(1999, 'USD')).toBe('$19.99');
    expect(formatMoney(100000, 'EUR')).toBe('€1,000.00');
    expect(Money.of(5, 'GBP')).toMatchObject({ amount: 5, currency: 'GBP', formatted: '£0.05' });
  });

  it('answers the same the second time and for the same amount in another currency (its memo is per currency)', () => {
    expect(formatMoney(1999, 'EUR')).toBe('€19.99');
    expect(formatMoney(1999, 'USD')).toBe('$19.99');
    expect(formatMoney(1999, 'EUR')).toBe('€19.99');
    for (let amount = 0; amount < 12_000; amount += 7) {
      expect(formatMoney(amount, 'GBP')).toBe(new Intl.NumberFormat('en-US', { style: 'currency', currency: 'GBP' }).format(amount / 100));
    }
  });
});
