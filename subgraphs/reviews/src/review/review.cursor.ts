import { decodeCursor, DomainError, encodeCursor, isUuid } from '@techally/platform';
import type { Review } from './review.entity';

/**
 * Where a page of reviews resumes: the creation time and id of the last review seen. Every review list is
 * newest first with the id as tie-breaker, so one position type serves a product's and an author's reviews.
 * Keyset, not offset: a review written while a client pages shifts none of the pages it has not read yet.
 */
export interface ReviewPosition {
  readonly createdAt: Date;
  readonly id: string;
}

export function reviewCursor(review: Pick<Review, 'createdAt' | 'id'>): string {
  return encodeCursor([review.createdAt.toISOString(), review.id]);
}

/** The position a cursor points at; BAD_USER_INPUT for anything this subgraph did not issue. */
export function decodeReviewCursor(cursor: string): ReviewPosition {
  const [createdAt, id] = decodeCursor(cursor, 2);
  const date = typeof createdAt === 'string' ? new Date(createdAt) : null;
  if (!date || Number.isNaN(date.getTime()) || !isUuid(id)) {
    throw DomainError.badUserInput('"after" is not a cursor of a review list.', 'after');
  }
  return { createdAt: date, id };
}
