import type { EntityManager } from '@mikro-orm/postgresql';
import { appendToOutbox, type AnyEventEnvelope } from '@techally/events';
import { violatedUniqueConstraint } from '@techally/platform';
import { TABLES } from '../database';
import type { ListingPosition } from './product.cursor';
import { Product } from './product.entity';
import { ProductError } from './product.errors';
import type { ListingFilter } from './product.filter';
import { ProductSort } from './product-sort';
import { ProductStatus } from './product-status';

export interface ListingPageQuery {
  readonly filter: ListingFilter;
  readonly sort: ProductSort;
  readonly after: ListingPosition | null;
  readonly first: number;
}

interface SortColumn {
  readonly property: 'createdAt' | 'priceAmount' | 'name';
  readonly column: string;
  /** The SQL type the cursor's value is compared as. */
  readonly type: string;
  readonly direction: 'asc' | 'desc';
}

const SORT_COLUMNS: Record<ProductSort, SortColumn> = {
  [ProductSort.NEWEST]: { property: 'createdAt', column: 'created_at', type: 'timestamptz', direction: 'desc' },
  [ProductSort.PRICE_ASC]: { property: 'priceAmount', column: 'price_amount', type: 'int', direction: 'asc' },
  [ProductSort.PRICE_DESC]: { property: 'priceAmount', column: 'price_amount', type: 'int', direction: 'desc' },
  [ProductSort.NAME_ASC]: { property: 'name', column: 'name', type: 'text', direction: 'asc' },
};

/** The ids of a category and of every category below it, for `category_id in (...)`. */
const CATEGORY_AND_DESCENDANTS = `with recursive tree (id) as (
    select id from ${TABLES.category} where id = ?::uuid
    union all
    select child.id from ${TABLES.category} child join tree on child.parent_id = tree.id
  ) select id from tree`;

/**
 * Products in Postgres: the listing's keyset queries, and writes whose unique violations become SKU_TAKEN /
 * SLUG_TAKEN. Lookups by id and SKU go through the request's DataLoaders instead (see product.loaders.ts).
 */
export class ProductRepository {
  constructor(private readonly em: EntityManager) {}

  findBySlug(slug: string): Promise<Product | null> {
    return this.em.findOne(Product, { slug });
  }

  async slugExists(slug: string): Promise<boolean> {
    return (await this.em.count(Product, { slug })) > 0;
  }

  /**
   * One page of active products plus one more row, which only tells whether a next page exists. A single
   * statement whatever the page size; the row comparison `(column, id) > (?, ?)` is what the listing indexes
   * serve.
   */
  async listPage(query: ListingPageQuery): Promise<{ products: Product[]; hasNextPage: boolean }> {
    if (query.filter.matchesNothing) return { products: [], hasNextPage: false };
    const sort = SORT_COLUMNS[query.sort];
    const qb = this.activeMatching(query.filter);
    if (query.after) {
      const comparison = sort.direction === 'asc' ? '>' : '<';
      qb.andWhere(`(p.${sort.column}, p.id) ${comparison} (?::${sort.type}, ?::uuid)`, [query.after.value, query.after.id]);
    }
    qb.orderBy([{ [sort.property]: sort.direction }, { id: sort.direction }]).limit(query.first + 1);
    const rows = await qb.getResultList();
    return { products: rows.slice(0, query.first), hasNextPage: rows.length > query.first };
  }

  /** How many active products match, for `totalCount` (the cursor does not narrow it). */
  async count(filter: ListingFilter): Promise<number> {
    if (filter.matchesNothing) return 0;
    return this.activeMatching(filter).getCount();
  }

  /**
   * Writes pending changes (a new product, an edit) and their events to the outbox in one transaction (the
   * flush wraps everything pending in one), translating unique violations into domain errors: a refused
   * change commits neither.
   */
  async flush(product: Product, events: ReadonlyArray<AnyEventEnvelope> = []): Promise<void> {
    appendToOutbox(this.em, events);
    try {
      await this.em.flush();
    } catch (error) {
      const constraint = violatedUniqueConstraint(error);
      if (constraint === 'product_sku_unique') throw ProductError.skuTaken(product.sku);
      if (constraint === 'product_slug_unique') throw ProductError.slugTaken(product.slug);
      throw error;
    }
  }

  persist(product: Product): void {
    this.em.persist(product);
  }

  private activeMatching(filter: ListingFilter) {
    const qb = this.em.createQueryBuilder(Product, 'p').where({ status: ProductStatus.ACTIVE });
    if (filter.categoryId !== undefined) qb.andWhere(`p.category_id in (${CATEGORY_AND_DESCENDANTS})`, [filter.categoryId]);
    if (filter.minPrice !== undefined) qb.andWhere({ priceAmount: { $gte: filter.minPrice } });
    if (filter.maxPrice !== undefined) qb.andWhere({ priceAmount: { $lte: filter.maxPrice } });
    if (filter.search !== undefined) qb.andWhere({ name: { $ilike: `%${escapeLike(filter.search)}%` } });
    return qb;
  }
}

/** Makes `%`, `_` and `\` in a search term match themselves rather than act as LIKE wildcards. */
export function escapeLike(term: string): string {
  return term.replace(/[\\%_]/g, (character) => `\\${character}`);
}
