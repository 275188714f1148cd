import { isAdmin, pageSize, type Viewer } from '@techally/platform';
import { averageRating } from '../product/product-rating';
import { decodeReviewCursor, reviewCursor } from './review.cursor';
import type { Review } from './review.entity';
import { DEFAULT_REVIEWS_PAGE } from './review-list.args';
import type { ReviewLoaders, ReviewSlice, ReviewSliceKey } from './review.loaders';

export interface ReviewListRequest {
  readonly first?: number | null;
  readonly after?: string | null;
}

export interface ReviewPage {
  readonly edges: ReadonlyArray<{ readonly cursor: string; readonly node: Review }>;
  readonly hasNextPage: boolean;
  readonly hasPreviousPage: boolean;
  /** Loaded (batched) only when asked for. */
  totalCount(): Promise<number>;
}

export interface Rating {
  readonly average: number | null;
  readonly count: number;
}

/**
 * The review lists of one request: a product's reviews and rating, an author's reviews. Each call is one key
 * of a request-wide DataLoader, so a page of fifty products costs what a page of five does.
 */
export class ReviewListService {
  constructor(
    private readonly viewer: Viewer | null,
    private readonly loaders: ReviewLoaders,
  ) {}

  /** The product's visible reviews, newest first; hidden ones never, whoever asks. */
  async ofProduct(productId: string, request: ReviewListRequest): Promise<ReviewPage> {
    const key = sliceKey(productId, request, false);
    const slice = await this.loaders.productSlices.load(key);
    return page(slice, key, async () => (await this.loaders.tallyByProduct.load(key.parentId)).count);
  }

  /**
   * An author's reviews, newest first: the visible ones for everyone, and the hidden ones too for the author
   * themself and administrators (so a customer sees that a moderator hid theirs).
   */
  async ofAuthor(authorId: string, request: ReviewListRequest): Promise<ReviewPage> {
    const includeHidden = this.viewer?.userId.toLowerCase() === authorId.toLowerCase() || isAdmin(this.viewer);
    const key = sliceKey(authorId, request, includeHidden);
    const slice = await this.loaders.authorSlices.load(key);
    return page(slice, key, () => this.loaders.authorCount.load({ authorId: key.parentId, includeHidden }));
  }

  /** Average and count of the product's visible reviews. */
  async ratingOf(productId: string): Promise<Rating> {
    const tally = await this.loaders.tallyByProduct.load(productId.toLowerCase());
    return { average: averageRating(tally), count: tally.count };
  }
}

/**
 * Validates the arguments (page size 1..100, a cursor this subgraph issued) before anything is loaded. Ids are
 * lower-cased as Postgres prints uuids, so `ABC…` and `abc…` are one key and find the same rows.
 */
function sliceKey(parentId: string, request: ReviewListRequest, includeHidden: boolean): ReviewSliceKey {
  // An explicit `first: null` means the field's default, not the platform's.
  const first = pageSize(request.first ?? DEFAULT_REVIEWS_PAGE);
  const after = request.after ? decodeReviewCursor(request.after) : null;
  return { parentId: parentId.toLowerCase(), first, after, includeHidden };
}

function page(slice: ReviewSlice, key: ReviewSliceKey, totalCount: () => Promise<number>): ReviewPage {
  return {
    edges: slice.reviews.map((node) => ({ cursor: reviewCursor(node), node })),
    hasNextPage: slice.hasNextPage,
    // Forward-only pagination: there is something before this page exactly when it starts after a cursor.
    hasPreviousPage: key.after !== null,
    totalCount,
  };
}
