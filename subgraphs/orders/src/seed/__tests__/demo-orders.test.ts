import { demoSales } from '@techally/demo-data';
import { priceOrder } from '../../checkout/order.pricing';
import { demoOrders } from '../demo-orders';

describe('the demo orders', () => {
  it('price each past sale, by checkout’s rules, at the total its payment collected (packages/demo-data)', () => {
    const seededAt = new Date();
    const sales = demoSales(seededAt);
    for (const sale of sales) {
      const priced = priceOrder(
        sale.lines.map(({ product, quantity }) => ({ unitPrice: product.priceAmount, quantity, weightGrams: product.weightGrams })),
        'USD',
        sale.customer.address.country,
      );
      expect({ sale: sale.key, total: priced.total }).toEqual({ sale: sale.key, total: sale.total });
    }
    const paid = demoOrders(seededAt).filter((order) => order.status === 'PAID');
    expect(paid.map((order) => [order.id, order.total, order.paidAt])).toEqual(sales.map((sale) => [sale.orderId, sale.total, sale.paidAt]));
  });

  it('come in the order they were placed: the cancelled ones, the sales, then the PENDING ones (placed at the seeding)', () => {
    expect([...new Set(demoOrders().map((order) => order.status))]).toEqual(['CANCELLED', 'PAID', 'PENDING']);
  });
});
