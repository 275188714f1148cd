import { generateCatalog } from '@techally/demo-data';
import { errorCodes } from '@techally/testing';
import { ADD_REVIEW, addReview, startReviewsHarness, type Caller, type ReviewData, type ReviewsHarness } from '../../__tests__/reviews.harness';

const catalog = generateCatalog();
const active = catalog.products.filter((product) => product.status === 'ACTIVE');
const archived = catalog.products.find((product) => product.status === 'ARCHIVED')!;
const UNKNOWN_PRODUCT = '00000000-0000-4000-8000-000000000000';

let h: ReviewsHarness;
let productIndex = 0;

/** An active product nobody in this file has reviewed yet. */
function freshProduct(): string {
  productIndex += 1;
  return active[productIndex]!.id;
}

function input(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { productId: freshProduct(), rating: 5, title: 'Great headphones', body: 'Comfortable for a whole flight.', ...overrides };
}

beforeAll(async () => {
  h = await startReviewsHarness();
});
afterAll(() => h?.stop());

describe('addReview', () => {
  it('stores the review of a signed-in customer and returns it with its author and product', async () => {
    const ada = await h.customer();
    const productId = freshProduct();
    const response = await h.query<{ addReview: ReviewData }>(
      ADD_REVIEW,
      { input: { productId, rating: 4, title: '  Solid choice ', body: 'Good sound, a little heavy.\n' } },
      ada,
    );
    expect(response.errors).toBeUndefined();
    const review = response.data!.addReview;
    expect(review).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      rating: 4,
      title: 'Solid choice',
      body: 'Good sound, a little heavy.',
      hidden: false,
      hiddenReason: null,
      verifiedPurchase: false,
      createdAt: expect.any(String),
      updatedAt: review.createdAt,
      author: { id: ada.userId },
      product: { id: productId },
    });
    const lookup = await h.query(`query ($id: ID!) { review(id: $id) { id title } }`, { id: review.id });
    expect(lookup.data).toEqual({ review: { id: review.id, title: 'Solid choice' } });
  });

  it('asks the products subgraph about the product, forwarding the caller and the request id', async () => {
    const grace = await h.customer();
    const productId = freshProduct();
    h.products.calls.splice(0);
    await addReview(h, grace, { productId });
    expect(h.products.calls).toEqual([
      { authorization: `Bearer ${grace.token}`, requestId: expect.any(String), representations: [{ __typename: 'Product', id: productId }] },
    ]);
  });

  it('refuses anonymous callers with UNAUTHENTICATED, and tokens it cannot verify', async () => {
    const before = await h.rows();
    expect(errorCodes(await h.query(ADD_REVIEW, { input: input() }))).toEqual(['UNAUTHENTICATED']);
    expect(errorCodes(await h.query(ADD_REVIEW, { input: input() }, h.foreignToken))).toEqual(['UNAUTHENTICATED']);
    expect(await h.rows()).toEqual(before);
  });

  it.each([6, 0, -1])('refuses a rating of %s with BAD_USER_INPUT naming rating', async (rating) => {
    const before = await h.rows();
    const response = await h.query(ADD_REVIEW, { input: input({ rating }) }, await h.customer());
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors?.[0]?.extensions?.['field']).toBe('rating');
    expect(response.errors?.[0]?.message).toBe(`rating must be a whole number of stars from 1 to 5, got ${rating}.`);
    expect(await h.rows()).toEqual(before);
  });

  it('refuses a rating of 2.5 with BAD_USER_INPUT naming rating (it is not an Int)', async () => {
    const before = await h.rows();
    const response = await h.query(ADD_REVIEW, { input: input({ rating: 2.5 }) }, await h.customer());
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    // Names where and what, never the value sent (issue #9: no error repeats an input value).
    expect(response.errors?.[0]?.message).toMatch(/at "input\.rating"; Int cannot represent non-integer value\.$/);
    expect(response.errors?.[0]?.message).not.toContain('2.5');
    expect(await h.rows()).toEqual(before);
  });

  it.each([
    ['an empty title', { title: '' }, 'title', 'title must not be empty.'],
    ['a blank title', { title: '   ' }, 'title', 'title must not be empty.'],
    ['a title of 121 characters', { title: 'x'.repeat(121) }, 'title', 'title must be at most 120 characters, got 121.'],
    ['an empty body', { body: '' }, 'body', 'body must not be empty.'],
    ['a body of 5001 characters', { body: 'y'.repeat(5001) }, 'body', 'body must be at most 5000 characters, got 5001.'],
  ])('refuses %s with BAD_USER_INPUT naming the field', async (_case, overrides, field, message) => {
    const before = await h.rows();
    const response = await h.query(ADD_REVIEW, { input: input(overrides) }, await h.customer());
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors?.[0]).toMatchObject({ message, extensions: { field } });
    expect(await h.rows()).toEqual(before);
  });

  it('accepts a title of exactly 120 characters, counting an emoji as one', async () => {
    const title = '🎧'.repeat(120);
    const review = await addReview(h, await h.customer(), { productId: freshProduct(), title, body: 'z'.repeat(5000) });
    expect(review.title).toBe(title);
    expect(review.body).toHaveLength(5000);
  });

  it('refuses an unknown or malformed product with BAD_USER_INPUT naming productId', async () => {
    const before = await h.rows();
    const caller = await h.customer();
    for (const productId of [UNKNOWN_PRODUCT, 'not-a-uuid']) {
      const response = await h.query(ADD_REVIEW, { input: input({ productId }) }, caller);
      expect({ productId, codes: errorCodes(response) }).toEqual({ productId, codes: ['BAD_USER_INPUT'] });
      expect(response.errors?.[0]?.extensions?.['field']).toBe('productId');
    }
    expect(await h.rows()).toEqual(before);
  });

  it('refuses an archived product with PRODUCT_UNAVAILABLE', async () => {
    const before = await h.rows();
    const response = await h.query(ADD_REVIEW, { input: input({ productId: archived.id }) }, await h.customer());
    expect(errorCodes(response)).toEqual(['PRODUCT_UNAVAILABLE']);
    expect(response.errors?.[0]?.extensions).toMatchObject({ field: 'productId', productId: archived.id });
    expect(await h.rows()).toEqual(before);
  });

  it('answers SERVICE_UNAVAILABLE, writing nothing, when the products subgraph fails unexpectedly', async () => {
    const before = await h.rows();
    h.products.failing = true;
    try {
      const response = await h.query(ADD_REVIEW, { input: input() }, await h.customer());
      expect(errorCodes(response)).toEqual(['SERVICE_UNAVAILABLE']);
      expect(response.errors?.[0]?.message).toBe('The products service is unavailable right now; try again shortly.');
    } finally {
      h.products.failing = false;
    }
    expect(await h.rows()).toEqual(before);
  });
});

describe('one review per customer and product', () => {
  let author: Caller;
  let productId: string;

  beforeAll(async () => {
    author = await h.customer();
    productId = freshProduct();
    await addReview(h, author, { productId });
  });

  it('refuses a second review of the same product with REVIEW_ALREADY_EXISTS', async () => {
    const response = await h.query(ADD_REVIEW, { input: input({ productId, title: 'Changed my mind' }) }, author);
    expect(errorCodes(response)).toEqual(['REVIEW_ALREADY_EXISTS']);
    expect(response.errors?.[0]?.extensions).toMatchObject({ field: 'productId', productId });
  });

  it('lets another customer review the same product, and the same customer another product', async () => {
    await expect(addReview(h, await h.customer(), { productId })).resolves.toMatchObject({ product: { id: productId } });
    await expect(addReview(h, author, { productId: freshProduct() })).resolves.toMatchObject({ author: { id: author.userId } });
  });

  it('lets exactly one of several concurrent attempts win; the others get REVIEW_ALREADY_EXISTS', async () => {
    const racer = await h.customer();
    const contested = freshProduct();
    const responses = await Promise.all(
      Array.from({ length: 6 }, (_, attempt) =>
        h.query(ADD_REVIEW, { input: input({ productId: contested, title: `Attempt ${attempt}` }) }, racer),
      ),
    );
    const codes = responses.map((response) => errorCodes(response)[0] ?? 'OK').sort();
    expect(codes).toEqual(['OK', 'REVIEW_ALREADY_EXISTS', 'REVIEW_ALREADY_EXISTS', 'REVIEW_ALREADY_EXISTS', 'REVIEW_ALREADY_EXISTS', 'REVIEW_ALREADY_EXISTS']);
    const rows = (await h.rows()) as Array<{ author_id: string; product_id: string }>;
    expect(rows.filter((row) => row.author_id === racer.userId && row.product_id === contested)).toHaveLength(1);
  });
});
