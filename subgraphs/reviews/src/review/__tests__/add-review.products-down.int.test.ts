import { generateCatalog } from '@techally/demo-data';
import { errorCodes } from '@techally/testing';
import { ADD_REVIEW, startReviewsHarness, type ReviewsHarness } from '../../__tests__/reviews.harness';

const product = generateCatalog().products.find((candidate) => candidate.status === 'ACTIVE')!;

let h: ReviewsHarness;

beforeAll(async () => {
  h = await startReviewsHarness();
  // The products process goes away: its port closes, and connecting to it is refused.
  await h.products.stop();
});
afterAll(() => h?.stop());

describe('addReview while the products subgraph is down', () => {
  it('answers SERVICE_UNAVAILABLE naming products, and writes nothing', async () => {
    const response = await h.query(
      ADD_REVIEW,
      { input: { productId: product.id, rating: 5, title: 'Love it', body: 'Five stars.' } },
      await h.customer(),
    );
    expect(errorCodes(response)).toEqual(['SERVICE_UNAVAILABLE']);
    expect(response.errors?.[0]?.message).toBe('The products service is unavailable right now; try again shortly.');
    expect(response.data).toBeNull();
    expect(await h.rows()).toEqual([]);
  });

  it('still serves reads, which need nothing from products', async () => {
    const response = await h.query(
      'query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Product { rating { average count } reviews { totalCount } } } }',
      { representations: [{ __typename: 'Product', id: product.id }] },
    );
    expect(response).toEqual({ data: { _entities: [{ rating: { average: null, count: 0 }, reviews: { totalCount: 0 } }] } });
  });
});
