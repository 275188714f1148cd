import { shippingCost } from '../shipping.policy';

const usd = (value: number, weightGrams: number) => shippingCost({ value, currency: 'USD', weightGrams });

describe('the shipping policy', () => {
  it('ships free from $100.00 of goods, whatever the weight', () => {
    expect(usd(10_000, 250)).toBe(0);
    expect(usd(10_000, 40_000)).toBe(0);
    expect(usd(250_000, 1)).toBe(0);
  });

  it('charges $4.99 below $100.00 for up to 1 kg', () => {
    expect(usd(9_999, 1_000)).toBe(499);
    expect(usd(0, 0)).toBe(499);
  });

  it('adds $1.00 for every started kilogram above the first', () => {
    expect(usd(1_999, 1_001)).toBe(599);
    expect(usd(1_999, 2_000)).toBe(599);
    expect(usd(1_999, 2_500)).toBe(699);
    expect(usd(3_500, 8_000)).toBe(1_199);
  });

  it('never ships free a value in another currency, which cannot be compared with the threshold', () => {
    expect(shippingCost({ value: 50_000, currency: 'EUR', weightGrams: 300 })).toBe(499);
  });
});
