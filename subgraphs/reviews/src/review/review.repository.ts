import type { EntityManager } from '@mikro-orm/postgresql';
import { uuidArrayLiteral, violatedUniqueConstraint } from '@techally/platform';
import { TABLES } from '../database';
import type { RatingTally } from '../product/product-rating';
import type { ReviewPosition } from './review.cursor';
import { Review } from './review.entity';
import { ReviewError } from './review.errors';

/** The two lists of reviews there are: a product's and an author's. The column is never client input. */
export type ReviewParent = 'product' | 'author';

const PARENT_COLUMN: Record<ReviewParent, string> = { product: 'product_id', author: 'author_id' };

export interface FirstReviewsQuery {
  readonly parent: ReviewParent;
  /** Well-formed uuids, deduplicated. */
  readonly parentIds: ReadonlyArray<string>;
  /** Rows wanted per parent: the page size plus one, which only tells whether a next page exists. */
  readonly perParent: number;
  readonly after: ReviewPosition | null;
  readonly includeHidden: boolean;
}

export interface AuthorCounts {
  readonly all: number;
  readonly visible: number;
}

/**
 * Reviews in Postgres. The list reads serve many parents in one statement each (the request's DataLoaders
 * call them with every parent of a response at once); writes translate the unique (author, product) violation
 * into REVIEW_ALREADY_EXISTS.
 */
export class ReviewRepository {
  constructor(private readonly em: EntityManager) {}

  /**
   * The newest `perParent` reviews of each parent, newest first per parent, in ONE statement whatever the
   * number of parents: `row_number()` over each parent's reviews in the keyset order, cut at `perParent`.
   * Issue #3: fifty products with three reviews each cost the same as five.
   */
  async firstOfEach(query: FirstReviewsQuery): Promise<Review[]> {
    if (query.parentIds.length === 0) return [];
    const column = PARENT_COLUMN[query.parent];
    const conditions = [`r.${column} in (?)`];
    const bindings: unknown[] = [[...query.parentIds]];
    if (!query.includeHidden) conditions.push('r.hidden = false');
    if (query.after) {
      conditions.push('(r.created_at, r.id) < (?::timestamptz, ?::uuid)');
      bindings.push(query.after.createdAt.toISOString(), query.after.id);
    }
    bindings.push(query.perParent);
    const rows = await this.em.getConnection().execute<Array<Record<string, unknown>>>(
      `select * from (
         select r.*, row_number() over (partition by r.${column} order by r.created_at desc, r.id desc) as position
         from ${TABLES.review} r
         where ${conditions.join(' and ')}
       ) ranked
       where ranked.position <= ?
       order by ranked.${column}, ranked.position`,
      bindings,
    );
    return rows.map(({ position: _position, ...row }) => this.em.map(Review, row));
  }

  /** Count and star sum of the visible reviews of each product, in one grouped statement. */
  async tallies(productIds: ReadonlyArray<string>): Promise<Map<string, RatingTally>> {
    if (productIds.length === 0) return new Map();
    // One array parameter: the same statement text for 1 product or 500, nothing quoted id by id into the SQL.
    const rows = await this.em.getConnection().execute<Array<{ product_id: string; count: number; sum: number }>>(
      `select product_id, count(*)::int as count, sum(rating)::int as sum
       from ${TABLES.review}
       where product_id = any(?::uuid[]) and hidden = false
       group by product_id`,
      [uuidArrayLiteral(productIds)],
    );
    return new Map(rows.map((row) => [row.product_id, { count: row.count, sum: row.sum }]));
  }

  /** How many reviews each author has written, all and visible only, in one grouped statement. */
  async authorCounts(authorIds: ReadonlyArray<string>): Promise<Map<string, AuthorCounts>> {
    if (authorIds.length === 0) return new Map();
    const rows = await this.em.getConnection().execute<Array<{ author_id: string; all: number; visible: number }>>(
      `select author_id, count(*)::int as "all", (count(*) filter (where not hidden))::int as visible
       from ${TABLES.review}
       where author_id in (?)
       group by author_id`,
      [[...authorIds]],
    );
    return new Map(rows.map((row) => [row.author_id, { all: row.all, visible: row.visible }]));
  }

  /**
   * Writes a new review. The unique (author, product) index decides between concurrent duplicates: the loser's
   * violation becomes REVIEW_ALREADY_EXISTS, never a driver error.
   */
  async insert(review: Review): Promise<void> {
    try {
      await this.em.persistAndFlush(review);
    } catch (error) {
      if (violatedUniqueConstraint(error) === 'review_author_id_product_id_unique') {
        throw ReviewError.alreadyExists(review.productId);
      }
      throw error;
    }
  }

  /** Writes pending changes to loaded reviews. */
  flush(): Promise<void> {
    return this.em.flush();
  }

  async remove(review: Review): Promise<void> {
    await this.em.removeAndFlush(review);
  }
}
