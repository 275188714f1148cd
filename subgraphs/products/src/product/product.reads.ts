import type { EntityManager } from '@mikro-orm/postgresql';
import { categoryRecordFromRow, type CategoryRecord } from '../category/category.record';
import { TABLES } from '../database';
import type { ListingPosition } from './product.cursor';
import type { ListingFilter } from './product.filter';
import { PRODUCT_COLUMNS, productRecordFromRow, type ProductRecord, type ProductRow } from './product.record';
import { ProductSort } from './product-sort';
import { ProductStatus } from './product-status';

/** The connection of the subgraph's ORM: statements go through its pool, logging and knex's `query` event. */
export type SqlConnection = ReturnType<EntityManager['getConnection']>;

export interface ListingPageQuery {
  readonly filter: ListingFilter;
  readonly sort: ProductSort;
  readonly after: ListingPosition | null;
  readonly first: number;
  /** Also answer each product's category (joined), for a client that selects it. */
  readonly withCategories?: boolean;
  /** Also count every matching product (a scalar subquery), for a client that selects `totalCount`. */
  readonly withTotalCount?: boolean;
}

export interface ListingPage {
  readonly products: ProductRecord[];
  readonly hasNextPage: boolean;
  /** The categories of `products` when `withCategories` was asked, else empty. */
  readonly categories: CategoryRecord[];
  /** When `withTotalCount` was asked; null otherwise. */
  readonly totalCount: number | null;
}

/** A listing row: the product, its category's columns when joined, the count when asked. */
interface ListingRow extends ProductRow {
  readonly category_name?: string;
  readonly category_slug?: string;
  readonly category_parent_id?: string | null;
  readonly category_position?: number;
  readonly total_count?: number;
}

const JOINED_CATEGORY_COLUMNS = 'c.name as category_name, c.slug as category_slug, c.parent_id as category_parent_id, c.position as category_position';

interface SortColumn {
  readonly column: string;
  /** The SQL type the cursor's value is compared as. */
  readonly type: string;
  readonly direction: 'asc' | 'desc';
}

const SORT_COLUMNS: Record<ProductSort, SortColumn> = {
  [ProductSort.NEWEST]: { column: 'created_at', type: 'timestamptz', direction: 'desc' },
  [ProductSort.PRICE_ASC]: { column: 'price_amount', type: 'int', direction: 'asc' },
  [ProductSort.PRICE_DESC]: { column: 'price_amount', type: 'int', direction: 'desc' },
  [ProductSort.NAME_ASC]: { column: 'name', type: 'text', direction: 'asc' },
};

/** The ids of a category and of every category below it, for `category_id in (...)`. */
const CATEGORY_AND_DESCENDANTS = `with recursive tree (id) as (
    select id from ${TABLES.category} where id = ?::uuid
    union all
    select child.id from ${TABLES.category} child join tree on child.parent_id = tree.id
  ) select id from tree`;

const BY_IDS = `select ${PRODUCT_COLUMNS} from ${TABLES.product} p where p.id in (?)`;
const BY_SKUS = `select ${PRODUCT_COLUMNS} from ${TABLES.product} p where p.sku in (?)`;
const BY_SLUG = `select ${PRODUCT_COLUMNS} from ${TABLES.product} p where p.slug = ? limit 1`;

/**
 * The product read paths in SQL, answered as plain {@link ProductRecord}s: the listing's keyset page and
 * count, and lookups by id, SKU and slug (any status: references from orders must still resolve after a
 * product is archived). Statements are written out rather than built by a query builder per request, and
 * nothing passes through an EntityManager, so a read needs no fork, identity map or hydration.
 */
export class ProductReads {
  constructor(private readonly connection: SqlConnection) {}

  async byIds(ids: ReadonlyArray<string>): Promise<ProductRecord[]> {
    return this.records(BY_IDS, [[...ids]]);
  }

  async bySkus(skus: ReadonlyArray<string>): Promise<ProductRecord[]> {
    return this.records(BY_SKUS, [[...skus]]);
  }

  async bySlug(slug: string): Promise<ProductRecord | null> {
    return (await this.records(BY_SLUG, [slug]))[0] ?? null;
  }

  /**
   * One page of active products plus one more row, which only tells whether a next page exists. A single
   * statement whatever the page size, with the products' categories and the total count in it when asked (a
   * storefront listing is then one round trip instead of three); the row comparison `(column, id) > (?, ?)` is
   * what the listing indexes serve.
   */
  async listPage(query: ListingPageQuery): Promise<ListingPage> {
    const { filter, first } = query;
    if (filter.matchesNothing) return { products: [], hasNextPage: false, categories: [], totalCount: query.withTotalCount ? 0 : null };
    const sort = SORT_COLUMNS[query.sort];
    const matching = activeMatching(filter);
    const where = [...matching.where];
    const params = [...matching.params];
    if (query.after) {
      where.push(`(p.${sort.column}, p.id) ${sort.direction === 'asc' ? '>' : '<'} (?::${sort.type}, ?::uuid)`);
      params.push(query.after.value, query.after.id);
    }
    const columns = [PRODUCT_COLUMNS];
    const columnParams: unknown[] = [];
    if (query.withCategories) columns.push(JOINED_CATEGORY_COLUMNS);
    if (query.withTotalCount) {
      // Uncorrelated, so PostgreSQL runs it once for the statement, not per row.
      columns.push(`(select count(*)::int from ${TABLES.product} p where ${matching.where.join(' and ')}) as total_count`);
      columnParams.push(...matching.params);
    }
    const from = query.withCategories ? `${TABLES.product} p join ${TABLES.category} c on c.id = p.category_id` : `${TABLES.product} p`;
    const sql =
      `select ${columns.join(', ')} from ${from} where ${where.join(' and ')} ` +
      `order by p.${sort.column} ${sort.direction}, p.id ${sort.direction} limit ?`;
    const rows = await this.connection.execute<ListingRow[]>(sql, [...columnParams, ...params, first + 1]);
    const page = rows.slice(0, first);
    return {
      products: page.map(productRecordFromRow),
      hasNextPage: rows.length > first,
      categories: query.withCategories ? page.map(joinedCategory) : [],
      totalCount: query.withTotalCount ? await this.totalOf(rows, query) : null,
    };
  }

  /** How many active products match, for `totalCount` (the cursor does not narrow it). */
  async count(filter: ListingFilter): Promise<number> {
    if (filter.matchesNothing) return 0;
    const { where, params } = activeMatching(filter);
    const rows = await this.connection.execute<Array<{ count: number }>>(
      `select count(*)::int as count from ${TABLES.product} p where ${where.join(' and ')}`,
      params,
    );
    return rows[0]?.count ?? 0;
  }

  /** The count a listing's rows carry; an empty page after a cursor carries none, so it is counted apart. */
  private async totalOf(rows: ReadonlyArray<ListingRow>, query: ListingPageQuery): Promise<number> {
    const counted = rows[0]?.total_count;
    if (counted !== undefined) return counted;
    return query.after ? this.count(query.filter) : 0;
  }

  private async records(sql: string, params: unknown[]): Promise<ProductRecord[]> {
    const rows = await this.connection.execute<ProductRow[]>(sql, params);
    return rows.map(productRecordFromRow);
  }
}

function joinedCategory(row: ListingRow): CategoryRecord {
  return categoryRecordFromRow({
    id: row.category_id,
    name: row.category_name as string,
    slug: row.category_slug as string,
    parent_id: row.category_parent_id ?? null,
    position: row.category_position as number,
  });
}

function activeMatching(filter: ListingFilter): { where: string[]; params: unknown[] } {
  const where = ['p.status = ?'];
  const params: unknown[] = [ProductStatus.ACTIVE];
  if (filter.categoryId !== undefined) {
    where.push(`p.category_id in (${CATEGORY_AND_DESCENDANTS})`);
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
  if (filter.search !== undefined) {
    where.push('p.name ilike ?');
    params.push(`%${escapeLike(filter.search)}%`);
  }
  return { where, params };
}

/** Makes `%`, `_` and `\` in a search term match themselves rather than act as LIKE wildcards. */
export function escapeLike(term: string): string {
  return term.replace(/[\\%_]/g, (character) => `\\${character}`);
}
