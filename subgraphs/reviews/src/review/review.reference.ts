import type { ReviewsContext } from '../context';
import type { Review } from './review.entity';

/**
 * `Review @key(fields: "id")`: through the request's loader, and through the same visibility rule as every
 * other way in — a client can call `_entities` directly, so a hidden review resolves to null for anyone but
 * its author and administrators.
 */
export function resolveReviewReference(representation: Record<string, unknown>, { reviews }: ReviewsContext): Promise<Review | null> {
  const id = representation['id'];
  return typeof id === 'string' ? reviews.visibleById(id) : Promise.resolve(null);
}
