import type { AdminOrderRowFragment, AdminStockQuery } from '../../gql/graphql.js';
import { lowStock, todayFigures } from '../dashboard-figures.js';

type Product = AdminStockQuery['products']['edges'][number]['node'];

function order(status: AdminOrderRowFragment['status'], placedAt: string, amount: number, currency = 'USD'): AdminOrderRowFragment {
  return { __typename: 'Order', id: placedAt + status, number: 'TA-1', status, placedAt, updatedAt: placedAt, total: { __typename: 'Money', amount, currency, formatted: '' }, customer: { __typename: 'User', id: 'c', name: 'Ada', email: 'a@example.com' } };
}

function level(code: string, available: number, active = true) {
  return { __typename: 'WarehouseStock' as const, onHand: available, reserved: 0, available, updatedAt: '', warehouse: { __typename: 'Warehouse' as const, id: code, code, name: code, active } };
}

function product(name: string, levels: ReturnType<typeof level>[]): Product {
  return { __typename: 'Product', id: name, name, sku: name.toUpperCase(), inventory: { __typename: 'ProductInventory', available: 0, reserved: 0, warehouses: levels } };
}

describe('the dashboard figures', () => {
  const since = new Date('2026-12-07T00:00:00Z');

  it('counts today’s orders and sums the paid and fulfilled ones per currency', () => {
    const figures = todayFigures(
      [
        order('PAID', '2026-12-07T09:00:00Z', 1000),
        order('FULFILLED', '2026-12-07T08:00:00Z', 2500),
        order('PAID', '2026-12-07T07:00:00Z', 900, 'EUR'),
        order('CANCELLED', '2026-12-07T06:00:00Z', 5000),
        order('AWAITING_PAYMENT', '2026-12-07T05:00:00Z', 7000),
        order('PAID', '2026-12-06T23:59:00Z', 10000),
      ],
      since,
    );
    expect(figures.orders).toBe(5);
    expect(figures.revenue).toEqual([
      { currency: 'USD', amount: 3500 },
      { currency: 'EUR', amount: 900 },
    ]);
    expect(figures.awaitingFulfilment).toBe(2);
  });

  it('lists each active warehouse below the threshold, and products stocked nowhere, fewest first', () => {
    const rows = lowStock(
      [product('Lamp', [level('LON-1', 3), level('EWR-1', 50), level('OLD-1', 0, false)]), product('Desk', [level('LON-1', 1)]), product('Chair', [])],
      5,
    );
    expect(rows.map((row) => `${row.name}@${row.warehouseCode}:${row.available}`)).toEqual(['Chair@—:0', 'Desk@LON-1:1', 'Lamp@LON-1:3']);
  });
});
