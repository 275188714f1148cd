import { createEvent, type EventEnvelope, type EventMetadata, type ReviewModeratedV1 } from '@techally/events';
import type { Review } from './review.entity';

/**
 * `reviews.review-moderated.v1` (issue #14: the author is told): a moderator hid the review or showed it again.
 * Built only when the visibility changed; `reason` is the moderator's, trimmed, when they gave one.
 */
export function reviewModeratedEvent(
  review: Review,
  reason: string | null,
  metadata: EventMetadata = {},
): EventEnvelope<'reviews.review-moderated.v1', ReviewModeratedV1> {
  return createEvent(
    'reviews.review-moderated.v1',
    review.id,
    { reviewId: review.id, productId: review.productId, authorId: review.authorId, hidden: review.hidden, ...(reason ? { reason } : {}) },
    metadata,
  );
}
