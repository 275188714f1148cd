import type { AdminSalesDashboardQuery } from '../gql/graphql.js';

type ReportRow = AdminSalesDashboardQuery['salesReport']['rows'][number];

const DAY_MS = 86_400_000;

/** A UTC day as the analytics read model counts it (YYYY-MM-DD). */
export function utcDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The `days` UTC days ending with `today`'s, oldest first. */
export function lastDays(days: number, today = new Date()): string[] {
  const end = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  return Array.from({ length: days }, (_, index) => utcDay(new Date(end - (days - 1 - index) * DAY_MS)));
}

/** One day of the chart: its orders placed and revenue (minor units) in the dashboard's currency. */
export interface DayFigures {
  readonly day: string;
  readonly orders: number;
  readonly revenue: number;
  readonly paid: number;
  /** Placed → paid, 0 to 1; null when nothing was placed. */
  readonly conversion: number | null;
}

/** The currency the dashboard shows: the one with the most revenue (a shop sells in one, as a rule). */
export function mainCurrency(rows: ReadonlyArray<ReportRow>): string {
  const totals = new Map<string, number>();
  for (const row of rows) totals.set(row.currency, (totals.get(row.currency) ?? 0) + row.revenue.amount + row.ordersPlaced);
  return [...totals].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'USD';
}

/** Every one of `days`, with zeros where the report has no row (a day without activity has none). */
export function dailySeries(rows: ReadonlyArray<ReportRow>, days: readonly string[], currency: string): DayFigures[] {
  const byDay = new Map(rows.filter((row) => row.currency === currency).map((row) => [row.periodStart, row]));
  return days.map((day) => {
    const row = byDay.get(day);
    return { day, orders: row?.ordersPlaced ?? 0, paid: row?.ordersPaid ?? 0, revenue: row?.revenue.amount ?? 0, conversion: row?.placedToPaidConversion ?? null };
  });
}

/** `0.6667` → `67 %`; no orders placed → `—`. */
export function formatConversion(conversion: number | null): string {
  return conversion === null ? '—' : `${Math.round(conversion * 100)} %`;
}
