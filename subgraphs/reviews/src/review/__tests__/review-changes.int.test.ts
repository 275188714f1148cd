import { generateCatalog } from '@techally/demo-data';
import { errorCodes } from '@techally/testing';
import {
  addReview,
  DELETE_REVIEW,
  MODERATE_REVIEW,
  UPDATE_REVIEW,
  startReviewsHarness,
  type Caller,
  type ReviewData,
  type ReviewsHarness,
} from '../../__tests__/reviews.harness';

const active = generateCatalog().products.filter((product) => product.status === 'ACTIVE');
const UNKNOWN_REVIEW = '00000000-0000-4000-8000-000000000000';

let h: ReviewsHarness;
let productIndex = 0;

/** A review by a fresh customer of a product nobody in this file has reviewed. */
async function writtenBy(author?: Caller): Promise<{ author: Caller; review: ReviewData }> {
  const caller = author ?? (await h.customer());
  productIndex += 1;
  const review = await addReview(h, caller, { productId: active[productIndex]!.id, rating: 3, title: 'Fine', body: 'It is fine.' });
  return { author: caller, review };
}

beforeAll(async () => {
  h = await startReviewsHarness();
});
afterAll(() => h?.stop());

describe('updateReview', () => {
  it('changes only the given fields of the author\'s own review and moves updatedAt', async () => {
    const { author, review } = await writtenBy();
    const response = await h.query<{ updateReview: ReviewData }>(
      UPDATE_REVIEW,
      { id: review.id, input: { rating: 5, title: ' Better than I thought ' } },
      author,
    );
    expect(response.errors).toBeUndefined();
    const updated = response.data!.updateReview;
    expect(updated).toMatchObject({ id: review.id, rating: 5, title: 'Better than I thought', body: 'It is fine.', createdAt: review.createdAt });
    expect(new Date(updated.updatedAt).getTime()).toBeGreaterThanOrEqual(new Date(review.updatedAt).getTime());
  });

  it('refuses someone else\'s review with FORBIDDEN, administrators included, and changes nothing', async () => {
    const { review } = await writtenBy();
    const before = await h.rows();
    for (const caller of [await h.customer(), h.admin]) {
      const response = await h.query(UPDATE_REVIEW, { id: review.id, input: { title: 'Hijacked' } }, caller);
      expect(errorCodes(response)).toEqual(['FORBIDDEN']);
    }
    expect(await h.rows()).toEqual(before);
  });

  it('validates the given fields (BAD_USER_INPUT naming them) before anything else', async () => {
    const { author, review } = await writtenBy();
    for (const [input, field] of [
      [{ rating: 0 }, 'rating'],
      [{ rating: 6 }, 'rating'],
      [{ title: '' }, 'title'],
      [{ body: 'b'.repeat(5001) }, 'body'],
    ] as const) {
      const response = await h.query(UPDATE_REVIEW, { id: review.id, input }, author);
      expect({ input, codes: errorCodes(response), field: response.errors?.[0]?.extensions?.['field'] }).toEqual({
        input,
        codes: ['BAD_USER_INPUT'],
        field,
      });
    }
  });

  it('answers NOT_FOUND for an unknown or malformed id, and UNAUTHENTICATED for anonymous callers', async () => {
    const caller = await h.customer();
    for (const id of [UNKNOWN_REVIEW, 'not-a-uuid']) {
      expect(errorCodes(await h.query(UPDATE_REVIEW, { id, input: { rating: 4 } }, caller))).toEqual(['NOT_FOUND']);
    }
    const { review } = await writtenBy();
    expect(errorCodes(await h.query(UPDATE_REVIEW, { id: review.id, input: { rating: 4 } }))).toEqual(['UNAUTHENTICATED']);
  });
});

describe('deleteReview', () => {
  it('deletes the author\'s own review, after which they may review the product again', async () => {
    const { author, review } = await writtenBy();
    expect(await h.query(DELETE_REVIEW, { id: review.id }, author)).toEqual({ data: { deleteReview: true } });
    expect(await h.query('query ($id: ID!) { review(id: $id) { id } }', { id: review.id })).toEqual({ data: { review: null } });
    await expect(addReview(h, author, { productId: review.product.id })).resolves.toMatchObject({ product: review.product });
  });

  it('refuses another customer\'s review with FORBIDDEN and keeps it', async () => {
    const { review } = await writtenBy();
    const before = await h.rows();
    expect(errorCodes(await h.query(DELETE_REVIEW, { id: review.id }, await h.customer()))).toEqual(['FORBIDDEN']);
    expect(await h.rows()).toEqual(before);
  });

  it('lets an administrator delete anyone\'s review', async () => {
    const { review } = await writtenBy();
    expect(await h.query(DELETE_REVIEW, { id: review.id }, h.admin)).toEqual({ data: { deleteReview: true } });
    const rows = (await h.rows()) as Array<{ id: string }>;
    expect(rows.map((row) => row.id)).not.toContain(review.id);
  });

  it('answers NOT_FOUND for an unknown review or one already deleted, UNAUTHENTICATED for anonymous callers', async () => {
    const { author, review } = await writtenBy();
    expect(errorCodes(await h.query(DELETE_REVIEW, { id: review.id }))).toEqual(['UNAUTHENTICATED']);
    await h.query(DELETE_REVIEW, { id: review.id }, author);
    expect(errorCodes(await h.query(DELETE_REVIEW, { id: review.id }, author))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await h.query(DELETE_REVIEW, { id: UNKNOWN_REVIEW }, h.admin))).toEqual(['NOT_FOUND']);
  });
});

describe('moderateReview', () => {
  it('hides a review with a reason, records the moderator, and shows it again without the reason', async () => {
    const { review } = await writtenBy();
    const hidden = await h.query<{ moderateReview: ReviewData }>(MODERATE_REVIEW, { id: review.id, hidden: true, reason: ' Personal data ' }, h.admin);
    expect(hidden.data?.moderateReview).toMatchObject({ id: review.id, hidden: true, hiddenReason: 'Personal data' });
    const stored = ((await h.rows()) as Array<{ id: string; moderated_by: string }>).find((row) => row.id === review.id);
    expect(stored?.moderated_by).toBe(h.admin.userId);

    const shown = await h.query<{ moderateReview: ReviewData }>(MODERATE_REVIEW, { id: review.id, hidden: false }, h.admin);
    expect(shown.data?.moderateReview).toMatchObject({ id: review.id, hidden: false, hiddenReason: null });
  });

  it('is for administrators only: UNAUTHENTICATED for anonymous callers, FORBIDDEN for customers, the author included', async () => {
    const { author, review } = await writtenBy();
    const before = await h.rows();
    expect(errorCodes(await h.query(MODERATE_REVIEW, { id: review.id, hidden: true }))).toEqual(['UNAUTHENTICATED']);
    expect(errorCodes(await h.query(MODERATE_REVIEW, { id: review.id, hidden: true }, author))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await h.query(MODERATE_REVIEW, { id: review.id, hidden: true }, await h.customer()))).toEqual(['FORBIDDEN']);
    expect(await h.rows()).toEqual(before);
  });

  it('answers NOT_FOUND for an unknown review and BAD_USER_INPUT for a reason over 500 characters', async () => {
    expect(errorCodes(await h.query(MODERATE_REVIEW, { id: UNKNOWN_REVIEW, hidden: true }, h.admin))).toEqual(['NOT_FOUND']);
    const { review } = await writtenBy();
    const response = await h.query(MODERATE_REVIEW, { id: review.id, hidden: true, reason: 'r'.repeat(501) }, h.admin);
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors?.[0]?.extensions?.['field']).toBe('reason');
  });

  it('leaves a hidden review to its author, who may still edit or delete it; to other customers it is NOT_FOUND', async () => {
    const { author, review } = await writtenBy();
    await h.query(MODERATE_REVIEW, { id: review.id, hidden: true, reason: 'Off topic' }, h.admin);
    const stranger = await h.customer();
    expect(errorCodes(await h.query(UPDATE_REVIEW, { id: review.id, input: { title: 'x' } }, stranger))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await h.query(DELETE_REVIEW, { id: review.id }, stranger))).toEqual(['NOT_FOUND']);

    const edited = await h.query<{ updateReview: ReviewData }>(UPDATE_REVIEW, { id: review.id, input: { body: 'On topic now.' } }, author);
    expect(edited.data?.updateReview).toMatchObject({ body: 'On topic now.', hidden: true, hiddenReason: 'Off topic' });
    expect(await h.query(DELETE_REVIEW, { id: review.id }, author)).toEqual({ data: { deleteReview: true } });
  });
});
