import { DEMO_CUSTOMERS, generateCatalog } from '@techally/demo-data';
import { createEvent } from '@techally/events';
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

  it('answers verifiedPurchase of every review of 50 products in one more statement: page and purchases, 2 as for 5', async () => {
    // Some authors bought what they reviewed: one paid order per author, of every other product they reviewed.
    const reviewed = demoReviews.filter((review) => active.slice(0, 50).some((product) => product.id === review.productId));
    const bought = new Set(reviewed.filter((_, index) => index % 2 === 0).map((review) => `${review.authorId}|${review.productId}`));
    const paid = DEMO_CUSTOMERS.map((customer) => {
      const productIds = reviewed.filter((review) => review.authorId === customer.id && bought.has(`${customer.id}|${review.productId}`)).map((review) => review.productId);
      const orderId = crypto.randomUUID();
      const items = productIds.map((productId) => ({ productId, quantity: 1 }));
      return createEvent('orders.order-paid.v1', orderId, { orderId, customerId: customer.id, items, total: { amount: 100, currency: 'EUR' } });
    }).filter((event) => event.payload.items.length > 0);
    for (const event of paid) await h.bus.publish(event);
    for (const event of paid) await h.handled(event.id);

    const query = `query ($representations: [_Any!]!) {
      _entities(representations: $representations) {
        ... on Product { id reviews(first: 3) { edges { node { id verifiedPurchase author { id } } } } }
      }
    }`;
    type Result = { _entities: Array<{ id: string; reviews: { edges: Array<{ node: { id: string; verifiedPurchase: boolean; author: { id: string } } }> } }> };
    const representations = (count: number) => active.slice(0, count).map((product) => ({ __typename: 'Product', id: product.id }));
    const five = await measured<Result>(query, { representations: representations(5) });
    const fifty = await measured<Result>(query, { representations: representations(50) });
    expect({ five: five.statements, fifty: fifty.statements }).toEqual({ five: 2, fifty: 2 });

    const answers = fifty.data._entities.flatMap((product) =>
      product.reviews.edges.map(({ node }) => ({ node: node.id, verified: node.verifiedPurchase, bought: bought.has(`${node.author.id}|${product.id}`) })),
    );
    expect(answers.length).toBeGreaterThan(20);
    expect(answers.filter((answer) => answer.verified).length).toBeGreaterThan(5);
    expect(answers.filter((answer) => !answer.verified).length).toBeGreaterThan(5);
    for (const answer of answers) expect(answer).toEqual({ ...answer, verified: answer.bought });
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
