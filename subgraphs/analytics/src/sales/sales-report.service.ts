import { Money } from '@techally/platform';
import { TABLES } from '../database';
import type { SqlExecutor } from './sales-facts';
import { ReportGranularity, SalesReportGroupBy, type SalesReportArgs } from './sales-report.args';
import { CancellationCount, SalesReport, SalesReportRow } from './sales-report.type';
import { reportRange } from './sales-report.validation';
import { productKey } from './product.type';

const DAY_MS = 86_400_000;

const TRUNCATE: Record<ReportGranularity, string> = { DAY: 'day', WEEK: 'week', MONTH: 'month' };

/** One aggregate of the query: the facts of one kind (or one cancellation reason) in one period. */
interface FactRow {
  period: string;
  product_id: string | null;
  currency: string;
  reason: string | null;
  placed: number;
  converted: number;
  paid: number;
  revenue: string;
  units: number;
  fulfilled: number;
  facts: number;
}

/**
 * Each order fact in the range, as one row dated by when it happened: placings (with whether the order was paid
 * since, for the conversion), payments (amount and units), cancellations (reason) and fulfilments. Grouped by
 * PRODUCT, an order counts once per product it holds, with that product's units and share of the total. Orders
 * whose placement and payment were never seen have no currency and are left out.
 */
function factsQuery(groupBy: SalesReportGroupBy): string {
  const byProduct = groupBy === SalesReportGroupBy.PRODUCT;
  const measures = byProduct
    ? `l."product_id", l."quantity" as "units", l."revenue_amount" as "revenue"`
    : `null::uuid as "product_id", o."units", o."total_amount" as "revenue"`;
  const join = byProduct ? `join ${TABLES.line} l on l."order_id" = o."order_id"` : '';
  const inRange = (column: string) => `"${column}" >= ?::timestamptz and "${column}" < ?::timestamptz`;
  return `
    with scope as (
      select o."placed_at", o."paid_at", o."cancelled_at", o."cancel_reason", o."fulfilled_at", o."currency", ${measures}
      from ${TABLES.order} o ${join}
      where o."currency" is not null
    ), facts as (
      select "placed_at" as "at", "product_id", "currency", null::text as "reason", 1 as "placed", ("paid_at" is not null)::int as "converted",
             0 as "paid", 0::bigint as "revenue", 0 as "units", 0 as "fulfilled"
        from scope where ${inRange('placed_at')}
      union all
      select "paid_at", "product_id", "currency", null, 0, 0, 1, "revenue", "units", 0 from scope where ${inRange('paid_at')}
      union all
      select "cancelled_at", "product_id", "currency", "cancel_reason", 0, 0, 0, 0, 0, 0 from scope where ${inRange('cancelled_at')}
      union all
      select "fulfilled_at", "product_id", "currency", null, 0, 0, 0, 0, 0, 1 from scope where ${inRange('fulfilled_at')}
    )
    select to_char(greatest(date_trunc(?, "at" at time zone 'UTC'), ?::timestamp), 'YYYY-MM-DD') as "period",
           "product_id", "currency", "reason",
           sum("placed")::int as "placed", sum("converted")::int as "converted", sum("paid")::int as "paid",
           sum("revenue")::text as "revenue", sum("units")::int as "units", sum("fulfilled")::int as "fulfilled", count(*)::int as "facts"
    from facts
    group by 1, 2, 3, 4
    order by 1, 2, 3, 4`;
}

/** Answers `salesReport` from the read model; asks no other service. Callers checked the viewer is an admin. */
export class SalesReportService {
  constructor(private readonly sql: SqlExecutor) {}

  async report(args: SalesReportArgs): Promise<SalesReport> {
    const range = reportRange(args.from, args.to);
    const start = args.from;
    const end = new Date(range.to.getTime() + DAY_MS).toISOString().slice(0, 10);
    const rangeParams = [start, end, start, end, start, end, start, end];
    const facts: FactRow[] = await this.sql.execute(factsQuery(args.groupBy), [...rangeParams, TRUNCATE[args.granularity], start]);
    return Object.assign(new SalesReport(), {
      from: args.from,
      to: args.to,
      granularity: args.granularity,
      groupBy: args.groupBy,
      rows: rowsOf(facts),
    });
  }
}

/** Merges the fact rows of each (period, product, currency) into one report row with its derived figures. */
export function rowsOf(facts: ReadonlyArray<FactRow>): SalesReportRow[] {
  const rows = new Map<string, { row: SalesReportRow; revenue: bigint; converted: number }>();
  for (const fact of facts) {
    const key = `${fact.period}|${fact.product_id ?? ''}|${fact.currency}`;
    let entry = rows.get(key);
    if (!entry) {
      const row = Object.assign(new SalesReportRow(), {
        periodStart: fact.period,
        product: fact.product_id ? productKey(fact.product_id) : null,
        currency: fact.currency.trim(),
        ordersPlaced: 0,
        ordersPaid: 0,
        ordersFulfilled: 0,
        ordersCancelled: 0,
        cancellationsByReason: [] as CancellationCount[],
        units: 0,
      });
      entry = { row, revenue: 0n, converted: 0 };
      rows.set(key, entry);
    }
    const { row } = entry;
    if (fact.reason !== null) {
      row.ordersCancelled += fact.facts;
      row.cancellationsByReason.push(Object.assign(new CancellationCount(), { reason: fact.reason, orders: fact.facts }));
      continue;
    }
    row.ordersPlaced += fact.placed;
    row.ordersPaid += fact.paid;
    row.ordersFulfilled += fact.fulfilled;
    row.units += fact.units;
    entry.revenue += BigInt(fact.revenue);
    entry.converted += fact.converted;
  }
  return [...rows.values()].map(({ row, revenue, converted }) => {
    const amount = Number(revenue);
    row.revenue = Money.of(amount, row.currency);
    row.averageOrderValue = row.ordersPaid > 0 ? Money.of(Math.round(amount / row.ordersPaid), row.currency) : null;
    row.placedToPaidConversion = row.ordersPlaced > 0 ? converted / row.ordersPlaced : null;
    row.cancellationsByReason.sort((a, b) => b.orders - a.orders || a.reason.localeCompare(b.reason));
    return row;
  });
}
