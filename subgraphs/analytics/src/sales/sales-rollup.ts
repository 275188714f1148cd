import type { ReadModelTables } from '../database';
import type { SqlExecutor } from './sales-facts';

/** The report's dimensions; NONE is the shop as a whole (key ''). */
export const DIMENSIONS = ['NONE', 'PRODUCT', 'CATEGORY', 'WAREHOUSE'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

const DAY_MS = 86_400_000;

/**
 * A Postgres array literal for a `?::<type>[]` parameter (the driver would spread a JS array into a list). Only
 * for values without commas, quotes or braces: uuids, dates, dimension names.
 */
export function pgArray(values: readonly string[]): string {
  return `{${values.join(',')}}`;
}

/** Consecutive days merged into [start, end) ranges, so the order lookups use the time indexes. */
function dayRanges(days: readonly string[]): Array<[string, string]> {
  const sorted = [...new Set(days)].sort();
  const ranges: Array<[string, string]> = [];
  for (const day of sorted) {
    const next = new Date(Date.parse(`${day}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
    const last = ranges[ranges.length - 1];
    if (last && last[1] === day) last[1] = next;
    else ranges.push([day, next]);
  }
  return ranges;
}

/**
 * Every order's contribution to the daily rollup, per fact (placed, paid, cancelled and why, fulfilled,
 * refunded), per dimension key, dated by the UTC day of the fact. PRODUCT: the line's units and revenue.
 * CATEGORY: the product's category at the order's placement (its payment when the placement is unknown; the
 * earliest known category when the order predates the product's history), an order counting once per category.
 * WAREHOUSE: the units reserved in each warehouse (stock-reserved's `allocations`) with the line's revenue in
 * proportion, units never allocated under '' (unknown). Refunds are split like revenue (rounded). Orders
 * whose placement and payment were never seen have no currency and are left out.
 */
function contributionSql(t: ReadModelTables, orderIds: string | null, factFilter: string): string {
  return `
    with o as (
      select o.* from ${orderIds ? `(${orderIds}) ids cross join lateral (select * from ${t.order} x where x."order_id" = ids."order_id" offset 0) o` : `${t.order} o`} where o."currency" is not null
    ), l as (
      select l."order_id", l."product_id", l."quantity", l."revenue_amount",
        coalesce(
          (select c."category_id" from ${t.category} c where c."product_id" = l."product_id" and c."valid_from" <= coalesce(o."placed_at", o."paid_at")
            order by c."valid_from" desc limit 1),
          (select c."category_id" from ${t.category} c where c."product_id" = l."product_id" order by c."valid_from" limit 1)) as "category_id"
      from ${t.line} l join o on o."order_id" = l."order_id"
    ), w as (
      select l."order_id", coalesce(a."warehouse_id"::text, '') as "key", coalesce(a."quantity", l."quantity") as "units",
        case when a."quantity" is null then l."revenue_amount"
             else round(l."revenue_amount"::numeric * a."quantity" / sum(a."quantity") over (partition by l."order_id", l."product_id"))::bigint end as "revenue"
      from l left join ${t.allocation} a on a."order_id" = l."order_id" and a."product_id" = l."product_id"
    ), k as (
      select "order_id", 'NONE'::text as "dimension", ''::text as "key", coalesce("units", 0)::bigint as "units", coalesce("total_amount", 0)::bigint as "revenue" from o
      union all select "order_id", 'PRODUCT', "product_id"::text, "quantity", "revenue_amount" from l
      union all select "order_id", 'CATEGORY', coalesce("category_id"::text, ''), sum("quantity"), sum("revenue_amount") from l group by 1, 3
      union all select "order_id", 'WAREHOUSE', "key", sum("units"), sum("revenue") from w group by 1, 3
    ), f as (
      select k."dimension", k."key", o."currency", o."placed_at" as "at", '' as "reason",
             1 as "placed", (o."paid_at" is not null)::int as "converted", 0 as "paid", 0::bigint as "revenue", 0::bigint as "units",
             0 as "fulfilled", 0 as "cancelled", 0 as "refunds", 0::bigint as "refunded"
        from k join o on o."order_id" = k."order_id" where o."placed_at" is not null
      union all
      select k."dimension", k."key", o."currency", o."paid_at", '', 0, 0, 1, k."revenue", k."units", 0, 0, 0, 0
        from k join o on o."order_id" = k."order_id" where o."paid_at" is not null
      union all
      select k."dimension", k."key", o."currency", o."cancelled_at", coalesce(o."cancel_reason", 'UNKNOWN'), 0, 0, 0, 0, 0, 0, 1, 0, 0
        from k join o on o."order_id" = k."order_id" where o."cancelled_at" is not null
      union all
      select k."dimension", k."key", o."currency", o."fulfilled_at", '', 0, 0, 0, 0, 0, 1, 0, 0, 0
        from k join o on o."order_id" = k."order_id" where o."fulfilled_at" is not null
      union all
      select k."dimension", k."key", o."currency", r."refunded_at", '', 0, 0, 0, 0, 0, 0, 0, 1,
             case when coalesce(o."total_amount", 0) > 0 then round(coalesce(r."amount", o."total_amount")::numeric * k."revenue" / o."total_amount")::bigint
                  else coalesce(r."amount", 0) end
        from k join o on o."order_id" = k."order_id" join ${t.refund} r on r."order_id" = o."order_id"
    )
    select "dimension", ("at" at time zone 'UTC')::date as "day", "key", "currency", "reason",
           sum("placed")::int, sum("converted")::int, sum("paid")::int, sum("revenue")::bigint, sum("units")::int,
           sum("fulfilled")::int, sum("cancelled")::int, sum("refunds")::int, sum("refunded")::bigint
    from f where true ${factFilter}
    group by 1, 2, 3, 4, 5`;
}

const COLUMNS = `"dimension", "day", "key", "currency", "reason", "placed", "converted", "paid", "revenue", "units", "fulfilled", "cancelled", "refunds", "refunded"`;

/**
 * The daily rollup `salesReport` reads, derived from the per-order facts. Kept by recomputing, in the
 * transaction of each event, the rows of every day that event touched (README.md, *The daily rollup*): a day's
 * rows are a pure function of the facts, so duplicates and any order of arrival converge, and the consumer's
 * writer lock makes the recomputations of one day follow each other.
 */
export class SalesRollup {
  constructor(
    private readonly sql: SqlExecutor,
    private readonly tables: ReadModelTables,
  ) {}

  /** The UTC days any fact of these orders happened on (YYYY-MM-DD). */
  async daysOfOrders(orderIds: readonly string[]): Promise<string[]> {
    if (orderIds.length === 0) return [];
    const rows: Array<{ day: string }> = await this.sql.execute(
      `select distinct to_char(("t" at time zone 'UTC')::date, 'YYYY-MM-DD') as "day" from (
         select unnest(array["placed_at", "paid_at", "cancelled_at", "fulfilled_at"]) as "t" from ${this.tables.order} where "order_id" = any(?::uuid[])
         union all select "refunded_at" from ${this.tables.refund} where "order_id" = any(?::uuid[])
       ) x where "t" is not null`,
      [pgArray(orderIds), pgArray(orderIds)],
    );
    return rows.map((row) => row.day);
  }

  /** Recomputes the rows of these days (of these dimensions) from the facts. */
  async refreshDays(days: readonly string[], dimensions: readonly Dimension[] = DIMENSIONS): Promise<void> {
    if (days.length === 0) return;
    const ranges = dayRanges(days);
    const params: unknown[] = [];
    const factConditions: string[] = [];
    const refundConditions: string[] = [];
    for (const [start, end] of ranges) {
      for (const column of ['placed_at', 'paid_at', 'cancelled_at', 'fulfilled_at']) {
        factConditions.push(`("${column}" >= ?::timestamptz and "${column}" < ?::timestamptz)`);
        params.push(`${start}T00:00:00Z`, `${end}T00:00:00Z`);
      }
    }
    for (const [start, end] of ranges) {
      refundConditions.push(`("refunded_at" >= ?::timestamptz and "refunded_at" < ?::timestamptz)`);
      params.push(`${start}T00:00:00Z`, `${end}T00:00:00Z`);
    }
    // The orders with a fact on those days by index (a BitmapOr over the fact times' indexes, the refunds' time
    // index), each then read by its key (`offset 0` keeps the planner from a scan of every order).
    const orderIds = `select "order_id" from ${this.tables.order} where ${factConditions.join(' or ')}
      union select "order_id" from ${this.tables.refund} where ${refundConditions.join(' or ')}`;
    const sortedDays = [...new Set(days)].sort();
    await this.sql.execute(`delete from ${this.tables.daily} where "day" = any(?::date[]) and "dimension" = any(?::text[])`, [pgArray(sortedDays), pgArray(dimensions)], 'run');
    await this.sql.execute(
      `insert into ${this.tables.daily} (${COLUMNS})
       ${contributionSql(this.tables, orderIds, `and ("at" at time zone 'UTC')::date = any(?::date[]) and "dimension" = any(?::text[])`)}`,
      [...params, pgArray(sortedDays), pgArray(dimensions)],
      'run',
    );
  }

  /** Recomputes the whole rollup from the facts (a rebuild, a bulk load). */
  async refreshAll(): Promise<void> {
    await this.sql.execute(`delete from ${this.tables.daily}`, [], 'run');
    await this.sql.execute(`insert into ${this.tables.daily} (${COLUMNS}) ${contributionSql(this.tables, null, '')}`, [], 'run');
    // Fresh statistics, or the planner takes the new rows for none and reads them in key order, page by page.
    await this.sql.execute(`analyze ${this.tables.daily}`, [], 'run');
  }
}
