import { generateCatalog } from '@techally/demo-data';
import { errorCodes } from '@techally/testing';
import { addReview, MODERATE_REVIEW, startReviewsHarness, type ReviewsHarness } from '../../__tests__/reviews.harness';

/**
 * `reviews.review-moderated.v1` (issue #14: the author hears that their review was hidden or shown again): written
 * with the moderation, in its transaction, only when the review's visibility changed; the moderator's reason when
 * they gave one.
 */
const active = generateCatalog().products.filter((product) => product.status === 'ACTIVE');
let productIndex = 0;
const nextProduct = () => active[productIndex++]!.id;

let h: ReviewsHarness;

beforeAll(async () => {
  h = await startReviewsHarness();
});
afterAll(() => h?.stop());

async function moderatedEvents(reviewId: string): Promise<Array<{ payload: Record<string, unknown>; metadata: Record<string, unknown> }>> {
  return h.sql(`select payload, metadata from reviews.outbox where type = 'reviews.review-moderated.v1' and aggregate_id = ? order by position`, [
    reviewId,
  ]);
}

describe('moderateReview announces a change of visibility', () => {
  it('hiding (with the reason, trimmed) and showing again: one event each, naming the review, its product and its author', async () => {
    const productId = nextProduct();
    const review = await addReview(h, await h.customer(), { productId });
    const authorId = review.author.id;
    expect((await h.query(MODERATE_REVIEW, { id: review.id, hidden: true, reason: '  Personal data  ' }, h.admin)).errors).toBeUndefined();
    expect((await h.query(MODERATE_REVIEW, { id: review.id, hidden: false }, h.admin)).errors).toBeUndefined();

    const events = await moderatedEvents(review.id);
    expect(events.map((event) => event.payload)).toEqual([
      { reviewId: review.id, productId, authorId, hidden: true, reason: 'Personal data' },
      { reviewId: review.id, productId, authorId, hidden: false },
    ]);
    expect(events[0]!.metadata).toEqual({ requestId: expect.any(String) });
  });

  it('hiding a hidden review again, or showing a visible one, announces nothing', async () => {
    const review = await addReview(h, await h.customer(), { productId: nextProduct() });
    expect((await h.query(MODERATE_REVIEW, { id: review.id, hidden: false, reason: 'Fine as it is' }, h.admin)).errors).toBeUndefined();
    expect((await h.query(MODERATE_REVIEW, { id: review.id, hidden: true }, h.admin)).errors).toBeUndefined();
    expect((await h.query(MODERATE_REVIEW, { id: review.id, hidden: true, reason: 'Still off topic' }, h.admin)).errors).toBeUndefined();
    expect((await moderatedEvents(review.id)).map((event) => event.payload['hidden'])).toEqual([true]);
  });

  it('a refused moderation (not an admin, a reason too long) writes no event', async () => {
    const author = await h.customer();
    const review = await addReview(h, author, { productId: nextProduct() });
    expect(errorCodes(await h.query(MODERATE_REVIEW, { id: review.id, hidden: true }, author))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await h.query(MODERATE_REVIEW, { id: review.id, hidden: true, reason: 'x'.repeat(501) }, h.admin))).toEqual([
      'BAD_USER_INPUT',
    ]);
    expect(await moderatedEvents(review.id)).toEqual([]);
  });
});
