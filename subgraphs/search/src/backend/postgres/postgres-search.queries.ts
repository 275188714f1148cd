import { TABLES } from '../../database';
import {
  PRICE_BAND_BOUNDS,
  SearchSort,
  type SearchFilter,
  type SearchHit,
  type SearchPosition,
  type SearchRequest,
  type SearchSummary,
  type Suggestion,
} from '../search-backend';
import type { SqlExecutor } from './sql-executor';

/** ts_rank's weights for D, C, B, A: a name (A) counts ten times a description (C). */
const RANK_WEIGHTS = `'{0.05, 0.1, 0.4, 1.0}'`;
const RANK = `ts_rank(${RANK_WEIGHTS}, p.document, q.tsquery)`;

interface SortKey {
  /** SQL over `p` (and `q` for the rank). */
  readonly expression: string;
  /** The type a cursor's value is compared as. */
  readonly type: string;
}

interface SortPlan {
  readonly keys: ReadonlyArray<SortKey>;
  readonly direction: 'asc' | 'desc';
}

/**
 * Each sort is a keyset of one direction (so the row comparison `(k…, id) < (…)` resumes it exactly), with the
 * id as the last tie-breaker: pages never repeat nor skip a product while the index stands still.
 */
const SORTS: Readonly<Record<SearchSort, SortPlan>> = {
  [SearchSort.RELEVANCE]: { keys: [{ expression: RANK, type: 'real' }], direction: 'desc' },
  [SearchSort.PRICE_ASC]: { keys: [{ expression: 'p.price_amount', type: 'integer' }], direction: 'asc' },
  [SearchSort.PRICE_DESC]: { keys: [{ expression: 'p.price_amount', type: 'integer' }], direction: 'desc' },
  [SearchSort.NEWEST]: { keys: [{ expression: 'p.created_at', type: 'timestamptz' }], direction: 'desc' },
  [SearchSort.RATING]: {
    keys: [
      { expression: 'coalesce(p.rating_average, 0)', type: 'numeric' },
      { expression: 'p.rating_count', type: 'integer' },
    ],
    direction: 'desc',
  },
};

/** How many values a position of `sort` holds: its keys and the id. */
export function positionLength(sort: SearchSort): number {
  return SORTS[sort].keys.length + 1;
}

/** The FROM and WHERE of every query: active products matching the text (when there is one) and the filter. */
function matching(query: string | null, filter: SearchFilter, params: unknown[]): string {
  const where = [`p.status = 'ACTIVE'`];
  let from = `${TABLES.product} p`;
  if (query !== null) {
    from += `, websearch_to_tsquery('english', ?) as q(tsquery)`;
    params.push(query);
    where.push('p.document @@ q.tsquery');
  }
  if (filter.categoryId !== undefined) {
    where.push('p.category_path @> array[?::uuid]');
    params.push(filter.categoryId);
  }
  if (filter.minPrice !== undefined) {
    where.push('p.price_amount >= ?');
    params.push(filter.minPrice);
  }
  if (filter.maxPrice !== undefined) {
    where.push('p.price_amount <= ?');
    params.push(filter.maxPrice);
  }
  if (filter.inStock !== undefined) {
    where.push('p.in_stock = ?');
    params.push(filter.inStock);
  }
  if (filter.minRating !== undefined) {
    where.push('p.rating_average >= ?');
    params.push(filter.minRating);
  }
  return `from ${from} where ${where.join(' and ')}`;
}

/** A page of hits: the first `first + 1` rows after the position, so `hasNextPage` needs no count. */
export async function searchPage(
  sql: SqlExecutor,
  request: SearchRequest & { readonly sort: SearchSort },
): Promise<{ hits: SearchHit[]; hasNextPage: boolean }> {
  const plan = SORTS[request.sort];
  const params: unknown[] = [];
  let statement = `select p.id, ${plan.keys.map((key, index) => `${key.expression} as k${index}`).join(', ')} ${matching(request.query, request.filter, params)}`;
  if (request.after) {
    const columns = [...plan.keys.map((key) => key.expression), 'p.id'];
    const values = [...plan.keys.map((key) => `?::${key.type}`), '?::uuid'];
    statement += ` and (${columns.join(', ')}) ${plan.direction === 'desc' ? '<' : '>'} (${values.join(', ')})`;
    params.push(...request.after);
  }
  // With text or a category, the matches come from a GIN index (bitmap) and are sorted (top-N) in memory: the
  // fence (`offset 0`) keeps the planner from walking the price or newest b-tree instead and filtering row by
  // row, which reads most of the table when the matches lie at its far end (bench/README.md, *Search*).
  if (request.query !== null || request.filter.categoryId !== undefined) statement = `select * from (${statement} offset 0) as m`;
  const order = [...plan.keys.map((_, index) => `k${index}`), 'id'].map((column) => `${column} ${plan.direction}`);
  statement += ` order by ${order.join(', ')} limit ?`;
  params.push(request.first + 1);
  const rows: Array<Record<string, unknown>> = await sql.execute(statement, params);
  const hits = rows.slice(0, request.first).map((row) => ({
    productId: row['id'] as string,
    position: [...plan.keys.map((key, index) => positionValue(row[`k${index}`], key.type)), row['id'] as string] as SearchPosition,
  }));
  return { hits, hasNextPage: rows.length > request.first };
}

/**
 * Dates go into cursors as ISO strings, numerics (pg's strings) as they come, reals as numbers. A time comes back
 * as a Date or, where the pool's type parsers leave timestamps as text (the supergraph's), as PostgreSQL's text
 * ("2025-10-19 14:21:00+00"), which the cursor's validation refuses: both are written as ISO.
 */
function positionValue(value: unknown, type: string): string | number {
  if (value instanceof Date) return value.toISOString();
  if (type === 'timestamptz' && typeof value === 'string') return new Date(value).toISOString();
  if (typeof value === 'number' || typeof value === 'string') return value;
  return String(value);
}

interface SummaryRow {
  readonly category_id: string | null;
  readonly band: number | null;
  readonly in_stock: boolean | null;
  readonly grouping: number;
  readonly count: string | number;
}

/**
 * The count and every facet in ONE statement: grouping sets over the matches (by category, by price band, by
 * stock, and the grand total). `grouping(...)` tells the sets apart (a bit per column left out).
 */
export async function summarize(sql: SqlExecutor, query: string | null, filter: SearchFilter): Promise<SearchSummary> {
  const params: unknown[] = [`{${PRICE_BAND_BOUNDS.join(',')}}`];
  const rows: SummaryRow[] = await sql.execute(
    `select category_id, band, in_stock, grouping(category_id, band, in_stock) as grouping, count(*) as count
     from (select p.category_id, width_bucket(p.price_amount, ?::integer[]) as band, p.in_stock
           ${matching(query, filter, params)}) as m
     group by grouping sets ((category_id), (band), (in_stock), ())`,
    params,
  );
  const bandCounts = new Map<number, number>();
  const summary = { totalCount: 0, categories: [] as Array<{ categoryId: string; count: number }>, inStock: 0, outOfStock: 0 };
  for (const row of rows) {
    const count = Number(row.count);
    if (row.grouping === 0b011 && row.category_id) summary.categories.push({ categoryId: row.category_id, count });
    else if (row.grouping === 0b101 && row.band !== null) bandCounts.set(Number(row.band), count);
    else if (row.grouping === 0b110) summary[row.in_stock ? 'inStock' : 'outOfStock'] = count;
    else if (row.grouping === 0b111) summary.totalCount = count;
  }
  summary.categories.sort((a, b) => b.count - a.count || a.categoryId.localeCompare(b.categoryId));
  const priceBands = PRICE_BAND_BOUNDS.map((min, index) => ({
    min,
    max: PRICE_BAND_BOUNDS[index + 1] ?? null,
    // width_bucket numbers the band starting at bound i as i + 1 (0 is below the first bound: no price is).
    count: bandCounts.get(index + 1) ?? 0,
  }));
  return { ...summary, priceBands };
}

/**
 * Active products whose name has, for each word of the prefix, a word starting with it (`head pho` finds
 * "Studio Headphones Pro"); names starting with the prefix first, then the most reviewed. The names starting with
 * the prefix come first from a b-tree range on `lower(name)`; only when they are fewer than `first` does a second
 * statement add the others — so a short prefix does not sort every product with a word starting with it.
 */
export async function suggest(sql: SqlExecutor, words: ReadonlyArray<string>, prefix: string, first: number): Promise<Suggestion[]> {
  if (words.length === 0) return [];
  const tsquery = words.map((word) => `'${word}':*`).join(' & ');
  const like = `${prefix.toLowerCase().replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
  const part = async (starts: boolean, limit: number): Promise<Array<{ id: string; name: string }>> =>
    sql.execute(
      `select p.id, p.name from ${TABLES.product} p
       where p.status = 'ACTIVE' and p.name_words @@ to_tsquery('simple', ?) and ${starts ? '' : 'not '}lower(p.name) like ?
       order by p.rating_count desc, p.name, p.id limit ?`,
      [tsquery, like, limit],
    );
  const starting = await part(true, first);
  const rows = starting.length < first ? [...starting, ...(await part(false, first - starting.length))] : starting;
  return rows.map((row) => ({ productId: row.id, name: row.name }));
}
