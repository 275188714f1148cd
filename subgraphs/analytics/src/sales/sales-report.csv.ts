import { SalesReportGroupBy } from './sales-report.args';
import type { SalesReport, SalesReportRow } from './sales-report.type';

/** The names a CSV labels its keys with: products by their name on the orders, warehouses by their code. */
export type KeyLabels = ReadonlyMap<string, string>;

const KEY_COLUMNS: Record<SalesReportGroupBy, readonly string[]> = {
  NONE: [],
  PRODUCT: ['product_id', 'product_name'],
  CATEGORY: ['category_id'],
  WAREHOUSE: ['warehouse_id', 'warehouse_code'],
};

const FIGURE_COLUMNS = [
  'currency', 'orders_placed', 'orders_paid', 'orders_fulfilled', 'orders_cancelled', 'cancellations_by_reason',
  'units', 'revenue', 'average_order_value', 'placed_to_paid_conversion', 'refunds', 'refunded',
] as const;

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, a quote, a CR or an LF, quotes doubled. Text that a
 * spreadsheet would run as a formula (starting with = + - @, a tab or a CR) is prefixed with an apostrophe
 * (OWASP, CSV injection): names come from events, which a shop's staff typed.
 */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Minor units as a decimal in the currency's own exponent (1999 USD → 19.99, 500 JPY → 500). */
export function decimalAmount(amount: number, currency: string): string {
  let digits = 2;
  try {
    digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    // An unknown code keeps two decimals.
  }
  const sign = amount < 0 ? '-' : '';
  const abs = Math.abs(amount);
  if (digits === 0) return `${sign}${abs}`;
  const divisor = 10 ** digits;
  return `${sign}${Math.floor(abs / divisor)}.${String(abs % divisor).padStart(digits, '0')}`;
}

function keyOf(row: SalesReportRow, groupBy: SalesReportGroupBy): string | null {
  if (groupBy === SalesReportGroupBy.PRODUCT) return row.product?.id ?? null;
  if (groupBy === SalesReportGroupBy.CATEGORY) return row.category?.id ?? null;
  if (groupBy === SalesReportGroupBy.WAREHOUSE) return row.warehouse?.id ?? null;
  return null;
}

/**
 * The report as CSV text: a header row, then one line per report row, CRLF line ends, UTF-8 without a byte
 * order mark (the GraphQL string carries it; whoever saves it writes the bytes). Amounts are decimals in the
 * row's currency; conversion is a share from 0 to 1 with four decimals; cancellations are `REASON:count` joined
 * by `;`.
 */
export function salesReportCsv(report: SalesReport, labels: KeyLabels): string {
  const keyColumns = KEY_COLUMNS[report.groupBy];
  const lines = [['period_start', ...keyColumns, ...FIGURE_COLUMNS].join(',')];
  for (const row of report.rows) {
    const key = keyOf(row, report.groupBy);
    const keyFields = keyColumns.length === 0 ? [] : keyColumns.length === 1 ? [key] : [key, key ? (labels.get(key) ?? null) : null];
    const fields: Array<string | number | null> = [
      row.periodStart,
      ...keyFields,
      row.currency,
      row.ordersPlaced,
      row.ordersPaid,
      row.ordersFulfilled,
      row.ordersCancelled,
      row.cancellationsByReason.map((c) => `${c.reason}:${c.orders}`).join(';'),
      row.units,
      decimalAmount(row.revenue.amount, row.currency),
      row.averageOrderValue ? decimalAmount(row.averageOrderValue.amount, row.currency) : null,
      row.placedToPaidConversion === null ? null : row.placedToPaidConversion.toFixed(4),
      row.refunds,
      decimalAmount(row.refunded.amount, row.currency),
    ];
    lines.push(fields.map(csvField).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
