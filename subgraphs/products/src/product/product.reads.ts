import type { EntityManager } from '@mikro-orm/postgresql';
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
}

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
   * statement whatever the page size; the row comparison `(column, id) > (?, ?)` is what the listing indexes
   * serve.
   */
  async listPage(query: ListingPageQuery): Promise<{ products: ProductRecord[]; hasNextPage: boolean }> {
    if (query.filter.matchesNothing) return { products: [], hasNextPage: false };
    const sort = SORT_COLUMNS[query.sort];
    const { where, params } = activeMatching(query.filter);
    if (query.after) {
      where.push(`(p.${sort.column}, p.id) ${sort.direction === 'asc' ? '>' : '<'} (?::${sort.type}, ?::uuid)`);
      params.push(query.after.value, query.after.id);
    }
    const sql =
      `select ${PRODUCT_COLUMNS} from ${TABLES.product} p where ${where.join(' and ')} ` +
      `order by p.${sort.column} ${sort.direction}, p.id ${sort.direction} limit ?`;
    const rows = await this.records(sql, [...params, query.first + 1]);
    return { products: rows.slice(0, query.first), hasNextPage: rows.length > query.first };
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

  private async records(sql: string, params: unknown[]): Promise<ProductRecord[]> {
    const rows = await this.connection.execute<ProductRow[]>(sql, params);
    return rows.map(productRecordFromRow);
  }
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
