import { DomainError, encodeCursor } from '@techally/platform';
import { decodeReviewCursor, reviewCursor } from '../review.cursor';

const review = { id: '3f2b1c1e-8a4b-4c53-9a38-2f5d6a1b0001', createdAt: new Date('2025-06-01T12:34:56.789Z') };

describe('review cursors', () => {
  it('round-trip the position of a review, to the millisecond', () => {
    expect(decodeReviewCursor(reviewCursor(review))).toEqual(review);
  });

  it.each([
    ['garbage', 'not-a-cursor'],
    ['a product listing cursor', encodeCursor(['NEWEST', review.createdAt.toISOString(), review.id])],
    ['a bad date', encodeCursor(['yesterday', review.id])],
    ['a bad id', encodeCursor([review.createdAt.toISOString(), 'not-a-uuid'])],
    ['a number for the date', encodeCursor([1, review.id])],
  ])('refuse %s with BAD_USER_INPUT naming after', (_case, cursor) => {
    let error: unknown;
    try {
      decodeReviewCursor(cursor);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', extensions: { field: 'after' } });
  });
});
