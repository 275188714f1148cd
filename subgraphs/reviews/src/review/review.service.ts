import { isAdmin, requireAdmin, requireViewer, type ForwardedRequest, type Viewer, isUuid } from '@techally/platform';
import type { EventMetadata } from '@techally/events';
import type { ProductCatalog } from '../product/product-catalog';
import { Review } from './review.entity';
import { ReviewError } from './review.errors';
import type { ReviewLoaders } from './review.loaders';
import { ReviewRepository, type RatingChange } from './review.repository';
import { reviewModeratedEvent } from './review-moderated.event';
import { validateBody, validateHiddenReason, validateRating, validateTitle } from './review.validation';
import { canSee, isAuthor } from './review.visibility';

export interface NewReview {
  readonly productId: string;
  readonly rating: number;
  readonly title: string;
  readonly body: string;
}

/** A partial edit: absent (or null) fields stay as they are. */
export type ReviewChanges = { readonly [K in Exclude<keyof NewReview, 'productId'>]?: NewReview[K] | null };

export interface ReviewServiceDependencies {
  readonly repository: ReviewRepository;
  readonly viewer: Viewer | null;
  readonly loaders: ReviewLoaders;
  readonly catalog: ProductCatalog;
  /** The request's credentials and id, passed on to the products subgraph. */
  readonly forwarded: ForwardedRequest;
}

/**
 * The review use cases of one request: single-review lookups and the four mutations. Every rule about who may
 * see or change a review is here, so it holds for the mutations, `review(id)` and `_entities` alike.
 */
export class ReviewService {
  private readonly repository: ReviewRepository;
  private readonly viewer: Viewer | null;
  private readonly loaders: ReviewLoaders;
  private readonly catalog: ProductCatalog;
  private readonly forwarded: ForwardedRequest;

  constructor(dependencies: ReviewServiceDependencies) {
    ({
      repository: this.repository,
      viewer: this.viewer,
      loaders: this.loaders,
      catalog: this.catalog,
      forwarded: this.forwarded,
    } = dependencies);
  }

  /** A review the viewer may see; null when it is unknown, malformed, or hidden from them. */
  async visibleById(id: string): Promise<Review | null> {
    const review = await this.loaders.reviewById.load(id);
    return review && canSee(this.viewer, review) ? review : null;
  }

  /**
   * Validates everything, then asks the products subgraph whether the product is for sale (before, never
   * inside, the write), then inserts. A second review of the same product is REVIEW_ALREADY_EXISTS, decided
   * by the unique index so two concurrent attempts cannot both succeed.
   */
  async add(input: NewReview): Promise<Review> {
    const author = this.signedInUser();
    const rating = validateRating(input.rating);
    const title = validateTitle(input.title);
    const body = validateBody(input.body);
    if (!isUuid(input.productId)) throw ReviewError.unknownProduct(input.productId);
    const productId = input.productId.toLowerCase();

    const availability = await this.catalog.availability(productId, this.forwarded);
    if (availability === 'UNKNOWN') throw ReviewError.unknownProduct(input.productId);
    if (availability === 'ARCHIVED') throw ReviewError.productUnavailable(productId);

    const review = new Review();
    review.productId = productId;
    review.authorId = author.userId;
    review.rating = rating;
    review.title = title;
    review.body = body;
    // A new review is visible: the product's rating changes.
    await this.repository.insert(review, this.ratingChangeOf(review));
    this.loaders.reviewById.prime(review.id, review);
    return review;
  }

  /** The author's own edit. Validates every given field before loading anything; a rejected edit changes nothing. */
  async update(id: string, changes: ReviewChanges): Promise<Review> {
    this.signedInUser();
    const rating = present(changes.rating) ? validateRating(changes.rating) : undefined;
    const title = present(changes.title) ? validateTitle(changes.title) : undefined;
    const body = present(changes.body) ? validateBody(changes.body) : undefined;
    const review = await this.requireVisible(id);
    // Administrators moderate (hide) reviews; they never put words in a customer's mouth.
    if (!isAuthor(this.viewer, review)) throw ReviewError.notYours();
    // Only other stars on a visible review move the rating; a hidden one is in no rating.
    const rerated = rating !== undefined && rating !== review.rating && !review.hidden;
    if (rating !== undefined) review.rating = rating;
    if (title !== undefined) review.title = title;
    if (body !== undefined) review.body = body;
    await this.repository.flush(rerated ? this.ratingChangeOf(review) : null);
    return review;
  }

  /** Deletes for good; the author may then review the product again. Its author or an administrator. */
  async delete(id: string): Promise<boolean> {
    this.signedInUser();
    const review = await this.requireVisible(id);
    if (!isAuthor(this.viewer, review) && !isAdmin(this.viewer)) throw ReviewError.notYoursToDelete();
    await this.repository.remove(review, review.hidden ? null : this.ratingChangeOf(review));
    this.loaders.reviewById.clear(id);
    return true;
  }

  /**
   * Hides a review from its product (and the rating) or shows it again. Administrators only. A change of
   * visibility tells the author (`reviews.review-moderated.v1`, issue #14); hiding it again tells no one.
   */
  async moderate(id: string, hidden: boolean, reason: string | null | undefined): Promise<Review> {
    const moderator = requireAdmin(this.viewer);
    const hiddenReason = validateHiddenReason(reason);
    const review = await this.requireVisible(id);
    // Hiding takes the review out of its product's rating, showing it puts it back; hiding it again does neither.
    const visibilityChanges = review.hidden !== hidden;
    review.hidden = hidden;
    review.hiddenReason = hidden ? hiddenReason : null;
    review.moderatedBy = moderator.userId;
    await this.repository.flush(
      visibilityChanges ? this.ratingChangeOf(review) : null,
      visibilityChanges ? [reviewModeratedEvent(review, hiddenReason, this.eventMetadata())] : [],
    );
    return review;
  }

  /** The review's product, whose rating the write changes, and this request's id for the event. */
  private ratingChangeOf(review: Review): RatingChange {
    return { productId: review.productId, metadata: this.eventMetadata() };
  }

  private eventMetadata(): EventMetadata {
    return this.forwarded.requestId ? { requestId: this.forwarded.requestId } : {};
  }

  /**
   * A review the viewer may see, or NOT_FOUND: someone else's hidden review is as unknown to a customer as a
   * review that never existed (FORBIDDEN would confirm it exists).
   */
  private async requireVisible(id: string): Promise<Review> {
    const review = await this.visibleById(id);
    if (!review) throw ReviewError.notFound(id);
    return review;
  }

  /** Authors are users; a token whose subject is not a user id cannot write (it would not fit the column). */
  private signedInUser(): Viewer {
    const viewer = requireViewer(this.viewer);
    if (!isUuid(viewer.userId)) throw ReviewError.notAUser();
    return viewer;
  }
}

function present<T>(value: T | null | undefined): value is T {
  return value !== null && value !== undefined;
}
