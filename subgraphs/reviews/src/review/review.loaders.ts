import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { isUuid } from '@techally/platform';
import { NO_RATINGS, type RatingTally } from '../product/product-rating';
import { createPurchaseLoader } from '../purchase/purchase.loader';
import type { PurchaseKey } from '../purchase/purchase.repository';
import type { ReviewPosition } from './review.cursor';
import { Review } from './review.entity';
import { ReviewRepository, type ReviewParent } from './review.repository';

/** One page of one parent's reviews: the parent, the page size and where it starts. */
export interface ReviewSliceKey {
  readonly parentId: string;
  readonly first: number;
  readonly after: ReviewPosition | null;
  readonly includeHidden: boolean;
}

export interface ReviewSlice {
  readonly reviews: Review[];
  readonly hasNextPage: boolean;
}

export interface AuthorCountKey {
  readonly authorId: string;
  readonly includeHidden: boolean;
}

export interface ReviewLoaders {
  /** Any review, hidden or not: callers check visibility (review.visibility.ts). */
  readonly reviewById: DataLoader<string, Review | null>;
  /** Visible reviews only: what `Product.rating` and `Product.reviews.totalCount` read. */
  readonly tallyByProduct: DataLoader<string, RatingTally>;
  readonly productSlices: DataLoader<ReviewSliceKey, ReviewSlice, string>;
  readonly authorSlices: DataLoader<ReviewSliceKey, ReviewSlice, string>;
  readonly authorCount: DataLoader<AuthorCountKey, number, string>;
  /** Whether the customer bought the product: what `Review.verifiedPurchase` reads. */
  readonly purchased: DataLoader<PurchaseKey, boolean, string>;
}

const BATCH = { maxBatchSize: 500 } as const;

/**
 * Per request (the cache must not outlive the request's EntityManager). Every list-valued field and every
 * reference goes through one of these, so a response costs a bounded number of statements whatever the
 * number of parents (issue #3).
 */
export function createReviewLoaders(em: EntityManager): ReviewLoaders {
  const repository = new ReviewRepository(em);
  return {
    reviewById: new DataLoader<string, Review | null>(async (ids) => {
      // A malformed id is simply unknown: it must not reach SQL and fail the rest of the batch.
      const valid = uniqueUuids(ids);
      const rows = valid.length > 0 ? await em.find(Review, { id: { $in: valid } }) : [];
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id.toLowerCase()) ?? null);
    }, BATCH),
    tallyByProduct: new DataLoader<string, RatingTally>(async (productIds) => {
      const tallies = await repository.tallies(uniqueUuids(productIds));
      return productIds.map((id) => tallies.get(id.toLowerCase()) ?? NO_RATINGS);
    }, BATCH),
    productSlices: createSliceLoader(repository, 'product'),
    authorSlices: createSliceLoader(repository, 'author'),
    authorCount: new DataLoader<AuthorCountKey, number, string>(
      async (keys) => {
        const counts = await repository.authorCounts(uniqueUuids(keys.map((key) => key.authorId)));
        return keys.map(({ authorId, includeHidden }) => {
          const count = counts.get(authorId.toLowerCase());
          return count ? (includeHidden ? count.all : count.visible) : 0;
        });
      },
      { ...BATCH, cacheKeyFn: ({ authorId, includeHidden }) => `${authorId}|${includeHidden}` },
    ),
    purchased: createPurchaseLoader(em),
  };
}

/**
 * Pages of many parents' reviews. Keys asking for the same page shape (size, cursor, hidden or not) share one
 * window-function statement; a response has as many shapes as its document has distinct `reviews(...)`
 * argument sets, however many parents each applies to.
 */
function createSliceLoader(repository: ReviewRepository, parent: ReviewParent): DataLoader<ReviewSliceKey, ReviewSlice, string> {
  return new DataLoader<ReviewSliceKey, ReviewSlice, string>(
    async (keys) => {
      const shapes = new Map<string, ReviewSliceKey[]>();
      for (const key of keys) {
        const shape = shapeOf(key);
        const group = shapes.get(shape);
        if (group) group.push(key);
        else shapes.set(shape, [key]);
      }
      const slices = new Map<string, ReviewSlice>();
      await Promise.all(
        [...shapes.values()].map(async (group) => {
          const { first, after, includeHidden } = group[0] as ReviewSliceKey;
          const rows = await repository.firstOfEach({
            parent,
            parentIds: uniqueUuids(group.map((key) => key.parentId)),
            perParent: first + 1,
            after,
            includeHidden,
          });
          const byParent = new Map<string, Review[]>();
          for (const row of rows) {
            const parentId = parent === 'product' ? row.productId : row.authorId;
            const list = byParent.get(parentId);
            if (list) list.push(row);
            else byParent.set(parentId, [row]);
          }
          for (const key of group) {
            const reviews = byParent.get(key.parentId.toLowerCase()) ?? [];
            slices.set(sliceKeyOf(key), { reviews: reviews.slice(0, first), hasNextPage: reviews.length > first });
          }
        }),
      );
      return keys.map((key) => slices.get(sliceKeyOf(key)) as ReviewSlice);
    },
    { ...BATCH, cacheKeyFn: sliceKeyOf },
  );
}

function shapeOf({ first, after, includeHidden }: ReviewSliceKey): string {
  return `${first}|${after ? `${after.createdAt.toISOString()}|${after.id}` : ''}|${includeHidden}`;
}

function sliceKeyOf(key: ReviewSliceKey): string {
  return `${key.parentId}|${shapeOf(key)}`;
}

/** The well-formed ids among `ids`, lower-cased as Postgres prints uuids (rows are matched back by them). */
function uniqueUuids(ids: ReadonlyArray<string>): string[] {
  return [...new Set(ids.filter(isUuid).map((id) => id.toLowerCase()))];
}
