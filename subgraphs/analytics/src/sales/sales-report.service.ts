import { Money } from '@techally/platform';
import { TABLES } from '../database';
import type { SqlExecutor } from './sales-facts';
import { ReportGranularity, SalesReportGroupBy, type SalesReportArgs } from './sales-report.args';
import { CancellationCount, SalesReport, SalesReportRow } from './sales-report.type';
import { reportRange } from './sales-report.validation';
import { salesReportCsv } from './sales-report.csv';
import { categoryKey, productKey, warehouseKey } from './keys.type';

const TRUNCATE: Record<ReportGranularity, string> = { DAY: 'day', WEEK: 'week', MONTH: 'month' };

/** One aggregate of the rollup: the figures of one period, key, currency and cancellation reason ('' for none). */
interface RollupRow {
  period: string;
  key: string;
  currency: string;
  reason: string;
  placed: number;
  converted: number;
  paid: number;
  revenue: string;
  units: number;
  fulfilled: number;
  cancelled: number;
  refunds: number;
  refunded: string;
}

/**
 * The daily rollup of one dimension summed per period: at most a row per day, key, currency and reason, so a
 * year is a few hundred rows (thousands per product) read through the primary key — never the per-order facts.
 * Grouped on the period's timestamp and formatted afterwards (formatting every row first tripled the time).
 */
const REPORT_SQL = `
  select to_char("period", 'YYYY-MM-DD') as "period", "key", "currency", "reason", "placed", "converted", "paid", "revenue"::text,
         "units", "fulfilled", "cancelled", "refunds", "refunded"::text
  from (
    select greatest(date_trunc(?, "day"::timestamp), ?::timestamp) as "period", "key", "currency", "reason",
           sum("placed")::int as "placed", sum("converted")::int as "converted", sum("paid")::int as "paid", sum("revenue") as "revenue",
           sum("units")::int as "units", sum("fulfilled")::int as "fulfilled", sum("cancelled")::int as "cancelled",
           sum("refunds")::int as "refunds", sum("refunded") as "refunded"
    from ${TABLES.daily}
    where "dimension" = ? and "day" >= ?::date and "day" <= ?::date
    group by 1, 2, 3, 4
  ) as "periods"
  order by 1, 2, 3, 4`;

/** Answers `salesReport` from the read model's daily rollup; asks no other service. Callers checked the viewer is an admin. */
export class SalesReportService {
  constructor(private readonly sql: SqlExecutor) {}

  async report(args: SalesReportArgs): Promise<SalesReport> {
    reportRange(args.from, args.to);
    const rows: RollupRow[] = await this.sql.execute(REPORT_SQL, [TRUNCATE[args.granularity], args.from, args.groupBy, args.from, args.to]);
    return Object.assign(new SalesReport(), {
      from: args.from,
      to: args.to,
      granularity: args.granularity,
      groupBy: args.groupBy,
      rows: rowsOf(rows, args.groupBy),
    });
  }

  /** The report as CSV (sales-report.csv.ts), its keys labelled. */
  async csv(args: SalesReportArgs): Promise<string> {
    const report = await this.report(args);
    const keys = [...new Set(report.rows.map((row) => row.product?.id ?? row.warehouse?.id).filter((key): key is string => key !== undefined))];
    return salesReportCsv(report, await keyLabels(this.sql, args.groupBy, keys));
  }
}

/**
 * Labels for the keys of a report's rows: a product's name on its newest order that named it, a warehouse's
 * code from the stock read model. Categories have none in the events: their id only.
 */
export async function keyLabels(sql: SqlExecutor, groupBy: SalesReportGroupBy, keys: readonly string[]): Promise<Map<string, string>> {
  if (keys.length === 0 || (groupBy !== SalesReportGroupBy.PRODUCT && groupBy !== SalesReportGroupBy.WAREHOUSE)) return new Map();
  const list = `{${keys.join(',')}}`;
  const rows: Array<{ key: string; label: string }> =
    groupBy === SalesReportGroupBy.PRODUCT
      ? await sql.execute(
          `select distinct on (l."product_id") l."product_id"::text as "key", l."name" as "label"
           from ${TABLES.line} l join ${TABLES.order} o on o."order_id" = l."order_id"
           where l."product_id" = any(?::uuid[]) and l."name" is not null
           order by l."product_id", coalesce(o."placed_at", o."paid_at") desc nulls last`,
          [list],
        )
      : await sql.execute(
          `select distinct on ("warehouse_id") "warehouse_id"::text as "key", "warehouse_code" as "label" from ${TABLES.stock}
           where "warehouse_id" = any(?::uuid[]) order by "warehouse_id", "as_of" desc`,
          [list],
        );
  return new Map(rows.map((row) => [row.key, row.label]));
}

/** Merges the rollup rows of each (period, key, currency) into one report row with its derived figures. */
export function rowsOf(rollup: ReadonlyArray<RollupRow>, groupBy: SalesReportGroupBy): SalesReportRow[] {
  const rows = new Map<string, { row: SalesReportRow; revenue: bigint; refunded: bigint; converted: number }>();
  const keyed = (key: string, dimension: SalesReportGroupBy) => (groupBy === dimension && key !== '' ? key : null);
  for (const fact of rollup) {
    const id = `${fact.period}|${fact.key}|${fact.currency}`;
    let entry = rows.get(id);
    if (!entry) {
      const product = keyed(fact.key, SalesReportGroupBy.PRODUCT);
      const category = keyed(fact.key, SalesReportGroupBy.CATEGORY);
      const warehouse = keyed(fact.key, SalesReportGroupBy.WAREHOUSE);
      const row = Object.assign(new SalesReportRow(), {
        periodStart: fact.period,
        product: product ? productKey(product) : null,
        category: category ? categoryKey(category) : null,
        warehouse: warehouse ? warehouseKey(warehouse) : null,
        currency: fact.currency.trim(),
        ordersPlaced: 0,
        ordersPaid: 0,
        ordersFulfilled: 0,
        ordersCancelled: 0,
        cancellationsByReason: [] as CancellationCount[],
        units: 0,
        refunds: 0,
      });
      entry = { row, revenue: 0n, refunded: 0n, converted: 0 };
      rows.set(id, entry);
    }
    const { row } = entry;
    if (fact.reason !== '') {
      row.ordersCancelled += fact.cancelled;
      row.cancellationsByReason.push(Object.assign(new CancellationCount(), { reason: fact.reason, orders: fact.cancelled }));
      continue;
    }
    row.ordersPlaced += fact.placed;
    row.ordersPaid += fact.paid;
    row.ordersFulfilled += fact.fulfilled;
    row.units += fact.units;
    row.refunds += fact.refunds;
    entry.revenue += BigInt(fact.revenue);
    entry.refunded += BigInt(fact.refunded);
    entry.converted += fact.converted;
  }
  return [...rows.values()].map(({ row, revenue, refunded, converted }) => {
    const amount = Number(revenue);
    row.revenue = Money.of(amount, row.currency);
    row.refunded = Money.of(Number(refunded), row.currency);
    row.averageOrderValue = row.ordersPaid > 0 ? Money.of(Math.round(amount / row.ordersPaid), row.currency) : null;
    row.placedToPaidConversion = row.ordersPlaced > 0 ? converted / row.ordersPlaced : null;
    row.cancellationsByReason.sort((a, b) => b.orders - a.orders || a.reason.localeCompare(b.reason));
    return row;
  });
}
