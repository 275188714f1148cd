import { DEMO_CUSTOMERS, generateCatalog } from '@techally/demo-data';
import { countStatements } from '@techally/testing';
import { averageRating } from '../product/product-rating';
import { generateDemoReviews } from '../seed/demo-reviews';
import { startReviewsHarness, type ReviewsHarness } from './reviews.harness';

const active = generateCatalog().products.filter((product) => product.status === 'ACTIVE');
const demoReviews = generateDemoReviews();

// Issue #3: what the gateway sends reviews for
// `products(first: 50) { edges { node { rating { average count } reviews(first: 3) { ... } } } }`.
const PRODUCTS = `query ($representations: [_Any!]!) {
  _entities(representations: $representations) {
    ... on Product {
      id
      rating { average count }
      reviews(first: 3) { edges { node { id rating author { id } product { id } } } totalCount }
    }
  }
}`;
const USERS = `query ($representations: [_Any!]!) {
  _entities(representations: $representations) { ... on User { id reviews(first: 2) { edges { node { id } } totalCount } } }
}`;

interface ProductView {
  id: string;
  rating: { average: number | null; count: number };
  reviews: { edges: Array<{ node: { id: string; rating: number } }>; totalCount: number };
}

let h: ReviewsHarness;

beforeAll(async () => {
  h = await startReviewsHarness({ seed: true });
});
afterAll(() => h?.stop());

/** Runs `query` once and returns the statements the reviews database saw and the response. */
async function measured<Data>(query: string, variables: Record<string, unknown>) {
  const counter = countStatements(h.subgraph.orm);
  try {
    const response = await h.query<Data>(query, variables);
    expect(response.errors).toBeUndefined();
    return { statements: counter.count, data: response.data as Data, sql: [...counter.statements] };
  } finally {
    counter.stop();
  }
}

describe('statements per request (issue #3)', () => {
  it('costs the same two statements for 50 products as for 5: one grouped rating/count, one windowed page', async () => {
    const representations = (count: number) => active.slice(0, count).map((product) => ({ __typename: 'Product', id: product.id }));
    const five = await measured<{ _entities: ProductView[] }>(PRODUCTS, { representations: representations(5) });
    const fifty = await measured<{ _entities: ProductView[] }>(PRODUCTS, { representations: representations(50) });
    expect({ five: five.statements, fifty: fifty.statements }).toEqual({ five: 2, fifty: 2 });
    expect(fifty.sql.some((sql) => sql.includes('row_number() over (partition by r.product_id'))).toBe(true);

    // And the answers are right: the seeded reviews of each product, newest three, and their rating.
    for (const product of fifty.data._entities) {
      const mine = demoReviews
        .filter((review) => review.productId === product.id)
        .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : -1));
      const sum = mine.reduce((total, review) => total + review.rating, 0);
      expect(product).toEqual({
        id: product.id,
        rating: { average: averageRating({ count: mine.length, sum }), count: mine.length },
        reviews: {
          edges: mine.slice(0, 3).map((review) => ({
            node: { id: review.id, rating: review.rating, author: { id: review.authorId }, product: { id: product.id } },
          })),
          totalCount: mine.length,
        },
      });
    }
    expect(fifty.data._entities.filter((product) => product.rating.count > 0).length).toBeGreaterThan(10);
  });

  it('costs two statements for the reviews of one user as for three', async () => {
    const representations = (count: number) => DEMO_CUSTOMERS.slice(0, count).map((customer) => ({ __typename: 'User', id: customer.id }));
    const one = await measured(USERS, { representations: representations(1) });
    const three = await measured(USERS, { representations: representations(3) });
    expect({ one: one.statements, three: three.statements }).toEqual({ one: 2, three: 2 });
  });

  it('resolves 60 Review references in one statement', async () => {
    const representations = demoReviews.slice(0, 60).map((review) => ({ __typename: 'Review', id: review.id }));
    const result = await measured<{ _entities: Array<{ id: string } | null> }>(
      'query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Review { id } } }',
      { representations },
    );
    expect(result.statements).toBe(1);
    expect(result.data._entities.map((review) => review?.id)).toEqual(representations.map((representation) => representation.id));
  });
});
