import { MAX_ORDER_AMOUNT, priceOrder } from '../order.pricing';

describe('pricing an order', () => {
  it('adds line totals, shipping on the subtotal and weight, and tax on goods plus shipping', () => {
    // 2 × $19.99 (200 g) + 1 × $35.00 (8 kg) to the US: $74.98 of goods, 8.4 kg → $4.99 + 8 × $1.00.
    const pricing = priceOrder(
      [
        { unitPrice: 1_999, quantity: 2, weightGrams: 200 },
        { unitPrice: 3_500, quantity: 1, weightGrams: 8_000 },
      ],
      'USD',
      'US',
    );
    expect(pricing).toEqual({ lineTotals: [3_998, 3_500], subtotal: 7_498, shipping: 1_299, tax: 704, total: 9_501 });
  });

  it('ships free from $100.00 and taxes only the goods then', () => {
    expect(priceOrder([{ unitPrice: 34_900, quantity: 1, weightGrams: 250 }], 'USD', 'DE')).toEqual({
      lineTotals: [34_900],
      subtotal: 34_900,
      shipping: 0,
      tax: 6_980,
      total: 41_880,
    });
  });

  it('charges no tax where the policy collects none', () => {
    expect(priceOrder([{ unitPrice: 1_999, quantity: 1, weightGrams: 200 }], 'USD', 'JP')).toMatchObject({ tax: 0, total: 2_498 });
  });

  it('refuses an order too large to store, naming the items', () => {
    const huge = Array.from({ length: 50 }, () => ({ unitPrice: 100_000_000, quantity: 99, weightGrams: 1 }));
    expect(() => priceOrder(huge, 'USD', 'US')).toThrow(expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT', field: 'items' } }));
    expect(MAX_ORDER_AMOUNT).toBe(2 ** 31 - 1);
  });
});
