import { boolean, integer, object, optional, text, uuid, type Validator } from './payload-validators';

/**
 * `reviews.rating-changed.v1` — the product's rating as `Product.rating` answers it, after a change to its
 * visible reviews (one added, its stars edited, one deleted, hidden or shown again). A snapshot, not a delta,
 * so a duplicate or a replay is harmless; computed in the transaction of the change under a per-product lock,
 * so two concurrent reviews of one product never both publish a stale count.
 */
export interface RatingChangedV1 {
  readonly productId: string;
  /** Mean stars of the visible reviews, rounded half up to one decimal; null when none is left. */
  readonly average: number | null;
  /** Visible reviews. */
  readonly count: number;
}

const average: Validator<number | null> = (value, path, problems): value is number | null => {
  if (value === null || (typeof value === 'number' && Number.isFinite(value) && value >= 1 && value <= 5)) return true;
  problems.push(`${path}: expected null or a number from 1 to 5, got ${JSON.stringify(value) ?? typeof value}`);
  return false;
};

const ratingShape = object({ productId: uuid, average, count: integer({ min: 0 }) });

/** The shape, and the one rule between its fields: no average without a review, none missing with one. */
export const ratingChangedV1: Validator<RatingChangedV1> = (value, path, problems): value is RatingChangedV1 => {
  if (!ratingShape(value, path, problems)) return false;
  if ((value.average === null) === (value.count === 0)) return true;
  problems.push(`${path}.average: expected null exactly when count is 0, got ${value.average} with count ${value.count}`);
  return false;
};

/**
 * `reviews.review-moderated.v1` — a moderator hid a review or showed it again (issue #14: the author is told).
 * Emitted only when the visibility changed.
 */
export interface ReviewModeratedV1 {
  readonly reviewId: string;
  readonly productId: string;
  readonly authorId: string;
  /** True when the review is now hidden from the public. */
  readonly hidden: boolean;
  /** The moderator's reason as they wrote it, when they gave one. */
  readonly reason?: string;
}

export const reviewModeratedV1: Validator<ReviewModeratedV1> = object({
  reviewId: uuid,
  productId: uuid,
  authorId: uuid,
  hidden: boolean,
  reason: optional(text(1000)),
});
