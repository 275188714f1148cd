import { taxFor, taxRateBasisPoints } from '../tax.policy';

describe('the tax policy', () => {
  it('charges 20% VAT to Great Britain and to EU member states', () => {
    for (const country of ['GB', 'DE', 'FR', 'IE', 'SE', 'gb']) expect(taxRateBasisPoints(country)).toBe(2_000);
  });

  it('charges 8% to the United States', () => {
    expect(taxRateBasisPoints('US')).toBe(800);
  });

  it('collects nothing elsewhere (including European countries outside the EU)', () => {
    for (const country of ['JP', 'CA', 'CH', 'NO', 'AU']) expect(taxRateBasisPoints(country)).toBe(0);
  });

  it('rounds to the nearest whole cent', () => {
    expect(taxFor('US', 4_497)).toBe(360); // 359.76
    expect(taxFor('US', 4_375)).toBe(350); // 350.00
    expect(taxFor('US', 6)).toBe(0); // 0.48
    expect(taxFor('US', 7)).toBe(1); // 0.56
    expect(taxFor('GB', 1_998)).toBe(400); // 399.6
    expect(taxFor('GB', 1_997)).toBe(399); // 399.4
    expect(taxFor('GB', 10_025)).toBe(2_005); // 2005.0
  });

  it('is zero on nothing', () => {
    expect(taxFor('GB', 0)).toBe(0);
  });
});
