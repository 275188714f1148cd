import type { EntityManager } from '@mikro-orm/postgresql';
import { appendToOutbox, type AnyEventEnvelope, type EventMetadata } from '@techally/events';
import { uuidArrayLiteral, violatedUniqueConstraint } from '@techally/platform';
import { TABLES } from '../database';
import type { RatingTally } from '../product/product-rating';
import type { ReviewPosition } from './review.cursor';
import { Review } from './review.entity';
import { ReviewError } from './review.errors';
import { ratingChangedEvent } from './rating-changed.event';

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

/**
 * A write that changes a product's visible reviews (one added, re-rated, deleted, hidden or shown): it commits
 * with that product's new rating as a `reviews.rating-changed.v1`. Null for a write that leaves every rating
 * as it was (a new title, a hidden review edited).
 */
export type RatingChange = { readonly productId: string; readonly metadata: EventMetadata } | null;

/**
 * Writes that change one product's rating serialize on this (transaction-scoped) lock before they write, so the
 * rating each one reads back after its write includes every write committed before it: two reviews of one
 * product added at once publish count n+1 then n+2, never n+1 twice.
 */
const LOCK_PRODUCT_RATING = `select pg_advisory_xact_lock(hashtextextended('reviews.rating:' || ?::text, 0))`;

const PRODUCT_TALLY = `select count(*)::int as count, coalesce(sum(rating), 0)::int as sum
  from ${TABLES.review} where product_id = ? and hidden = false`;

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
   * violation becomes REVIEW_ALREADY_EXISTS, never a driver error, and nothing of it commits.
   */
  async insert(review: Review, ratingChange: RatingChange): Promise<void> {
    this.em.persist(review);
    try {
      await this.commit(ratingChange);
    } catch (error) {
      if (violatedUniqueConstraint(error) === 'review_author_id_product_id_unique') {
        throw ReviewError.alreadyExists(review.productId);
      }
      throw error;
    }
  }

  /** Writes pending changes to loaded reviews, with `events` of the change (a moderation) in its transaction. */
  flush(ratingChange: RatingChange, events: ReadonlyArray<AnyEventEnvelope> = []): Promise<void> {
    return this.commit(ratingChange, events);
  }

  async remove(review: Review, ratingChange: RatingChange): Promise<void> {
    this.em.remove(review);
    await this.commit(ratingChange);
  }

  /**
   * Flushes the request's pending changes and `events`: alone when no rating changes; otherwise in one
   * transaction with the product's rating read back after the write and appended to the outbox, so the events
   * exist exactly when the change committed. Statements go through the EntityManager (its transaction), never around it.
   */
  private async commit(ratingChange: RatingChange, events: ReadonlyArray<AnyEventEnvelope> = []): Promise<void> {
    // A flush wraps its statements, the outbox rows included, in one transaction of its own.
    if (events.length > 0) appendToOutbox(this.em, events);
    if (!ratingChange) return this.em.flush();
    await this.em.begin();
    try {
      await this.em.execute(LOCK_PRODUCT_RATING, [ratingChange.productId]);
      await this.em.flush();
      const [tally] = await this.em.execute<Array<{ count: number; sum: number }>>(PRODUCT_TALLY, [ratingChange.productId]);
      appendToOutbox(this.em, ratingChangedEvent(ratingChange.productId, tally ?? { count: 0, sum: 0 }, ratingChange.metadata));
      await this.em.commit();
    } catch (error) {
      await this.em.rollback();
      throw error;
    }
  }
}
