import type { AdminSalesDashboardQuery } from '../../gql/graphql.js';
import { dailySeries, formatConversion, lastDays, mainCurrency } from '../dashboard-figures.js';

type Row = AdminSalesDashboardQuery['salesReport']['rows'][number];

function row(periodStart: string, ordersPlaced: number, revenue: number, currency = 'USD'): Row {
  return {
    __typename: 'SalesReportRow', periodStart, currency, ordersPlaced, ordersPaid: ordersPlaced, ordersCancelled: 0,
    revenue: { __typename: 'Money', amount: revenue, currency, formatted: '' }, placedToPaidConversion: ordersPlaced > 0 ? 1 : null,
  };
}

describe('the dashboard figures', () => {
  it('names the last days in UTC, oldest first, today last', () => {
    expect(lastDays(3, new Date('2026-03-01T23:30:00-05:00'))).toEqual(['2026-02-28', '2026-03-01', '2026-03-02']);
  });

  it('fills the days without activity with zeros, in the main currency', () => {
    const rows = [row('2026-12-05', 2, 5000), row('2026-12-07', 1, 1999), row('2026-12-07', 1, 100, 'EUR')];
    expect(mainCurrency(rows)).toBe('USD');
    expect(dailySeries(rows, ['2026-12-05', '2026-12-06', '2026-12-07'], 'USD').map((day) => [day.day, day.orders, day.revenue])).toEqual([
      ['2026-12-05', 2, 5000],
      ['2026-12-06', 0, 0],
      ['2026-12-07', 1, 1999],
    ]);
  });

  it('shows conversion as a whole percentage, and a dash when nothing was placed', () => {
    expect(formatConversion(2 / 3)).toBe('67 %');
    expect(formatConversion(null)).toBe('—');
  });
});
