import { DEMO_CUSTOMERS } from '../customers';
import { DEMO_SALES_DAYS, demoSales, demoShopOpenedAt } from '../sales';

const DAY = (at: Date) => at.toISOString().slice(0, 10);

describe('the demo shop’s past sales', () => {
  it('are dated in the days before the seeding, never its own UTC day, at any hour of it', () => {
    for (const seededAt of [new Date('2026-12-07T00:00:01Z'), new Date('2026-12-07T13:45:00Z'), new Date('2026-12-07T23:59:59.999Z')]) {
      const sales = demoSales(seededAt);
      const earliest = new Date(Date.parse('2026-12-07T00:00:00Z') - DEMO_SALES_DAYS * 86_400_000);
      for (const sale of sales) {
        expect(DAY(sale.paidAt) < '2026-12-07').toBe(true);
        expect(sale.placedAt.getTime()).toBeGreaterThanOrEqual(earliest.getTime());
        expect(sale.placedAt.getTime()).toBeGreaterThan(demoShopOpenedAt(seededAt).getTime());
        expect(sale.placedAt < sale.paidAt && sale.paidAt < sale.payBy).toBe(true);
      }
      // Oldest first, and the last week has sales on most days (the dashboard's default chart).
      expect(sales.map((sale) => sale.placedAt.getTime())).toEqual(sales.map((sale) => sale.placedAt.getTime()).sort((a, b) => a - b));
      expect(new Set(sales.filter((sale) => sale.placedAt >= new Date('2026-11-30')).map((sale) => DAY(sale.placedAt))).size).toBeGreaterThanOrEqual(5);
    }
  });

  it('are deterministic: the same ids, customers, lines and totals whatever the day', () => {
    const strip = (seededAt: Date) => demoSales(seededAt).map(({ placedAt: _placed, paidAt: _paid, payBy: _payBy, ...sale }) => sale);
    expect(strip(new Date('2026-12-07T10:00:00Z'))).toEqual(strip(new Date('2027-03-01T22:00:00Z')));
    const ids = demoSales(new Date()).map((sale) => sale.orderId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('have structure to learn: bundles bought together again and again, and a best-seller beside many', () => {
    const sales = demoSales(new Date());
    const together = new Map<string, number>();
    const orders = new Map<string, number>();
    for (const sale of sales) {
      const skus = [...new Set(sale.lines.map((line) => line.product.sku))].sort();
      for (const sku of skus) orders.set(sku, (orders.get(sku) ?? 0) + 1);
      for (const [i, a] of skus.entries()) for (const b of skus.slice(i + 1)) together.set(`${a}+${b}`, (together.get(`${a}+${b}`) ?? 0) + 1);
    }
    expect([...together.values()].filter((count) => count >= 2).length).toBeGreaterThanOrEqual(8);
    expect(Math.max(...orders.values())).toBe(orders.get('JBL-FLIP6-BLK'));
    // Every demo customer has bought something; every line is an active product at a positive quantity.
    expect(new Set(sales.map((sale) => sale.customer.id))).toEqual(new Set(DEMO_CUSTOMERS.map((customer) => customer.id)));
    for (const sale of sales) for (const line of sale.lines) expect([line.product.status, line.quantity > 0]).toEqual(['ACTIVE', true]);
  });
});
