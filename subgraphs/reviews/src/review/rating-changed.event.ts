import { createEvent, type EventEnvelope, type EventMetadata, type RatingChangedV1 } from '@techally/events';
import { averageRating, type RatingTally } from '../product/product-rating';

/**
 * `reviews.rating-changed.v1` for one product: its rating after the change, as `Product.rating` answers it
 * (`average` rounded as there, `count` of visible reviews). A snapshot, not a delta, so a duplicate or a
 * replay is harmless.
 */
export function ratingChangedEvent(
  productId: string,
  tally: RatingTally,
  metadata: EventMetadata = {},
): EventEnvelope<'reviews.rating-changed.v1', RatingChangedV1> {
  return createEvent('reviews.rating-changed.v1', productId, { productId, average: averageRating(tally), count: tally.count }, metadata);
}
