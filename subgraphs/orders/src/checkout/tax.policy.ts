/**
 * The shop's one tax rule, by destination country. Catalog prices are net; tax is added at checkout on the
 * goods and the shipping together (subtotal + shipping), rounded half up to a whole minor unit, once per
 * order (not per line). Simplified on purpose for the demo shop:
 *
 * - Great Britain and every EU member state: 20% VAT;
 * - the United States: 8% sales tax (one flat rate, not per state);
 * - anywhere else: no tax collected.
 */
export const EU_MEMBER_STATES: ReadonlySet<string> = new Set([
  'AT', 'BE', 'BG', 'HR', 'CY', 'CZ', 'DK', 'EE', 'FI', 'FR', 'DE', 'GR', 'HU', 'IE',
  'IT', 'LV', 'LT', 'LU', 'MT', 'NL', 'PL', 'PT', 'RO', 'SK', 'SI', 'ES', 'SE',
]);

/** Rates in basis points (1/100 of a percent), so the arithmetic stays in integers. */
export const VAT_RATE_BP = 2_000;
export const US_SALES_TAX_RATE_BP = 800;

/** The rate for a destination (ISO 3166-1 alpha-2), in basis points. */
export function taxRateBasisPoints(country: string): number {
  const code = country.toUpperCase();
  if (code === 'GB' || EU_MEMBER_STATES.has(code)) return VAT_RATE_BP;
  if (code === 'US') return US_SALES_TAX_RATE_BP;
  return 0;
}

/** Tax on a non-negative taxable amount (minor units), rounded half up. */
export function taxFor(country: string, taxable: number): number {
  return Math.floor((taxable * taxRateBasisPoints(country) + 5_000) / 10_000);
}
