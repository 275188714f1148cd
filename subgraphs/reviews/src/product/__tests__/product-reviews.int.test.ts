import { generateCatalog } from '@techally/demo-data';
import { encodeCursor } from '@techally/platform';
import { errorCodes } from '@techally/testing';
import { addReview, MODERATE_REVIEW, startReviewsHarness, type ReviewData, type ReviewsHarness } from '../../__tests__/reviews.harness';

const active = generateCatalog().products.filter((product) => product.status === 'ACTIVE');

interface Connection {
  edges: Array<{ cursor: string; node: { id: string; createdAt: string } }>;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  totalCount: number;
}

const PRODUCT = `query ($representations: [_Any!]!, $first: Int, $after: String) {
  _entities(representations: $representations) {
    ... on Product {
      rating { average count }
      reviews(first: $first, after: $after) {
        edges { cursor node { id createdAt } }
        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
        totalCount
      }
    }
  }
}`;

let h: ReviewsHarness;
let productIndex = 0;

beforeAll(async () => {
  h = await startReviewsHarness();
});
afterAll(() => h?.stop());

async function productView(productId: string, variables: Record<string, unknown> = {}) {
  const response = await h.query<{ _entities: Array<{ rating: { average: number | null; count: number }; reviews: Connection }> }>(
    PRODUCT,
    { representations: [{ __typename: 'Product', id: productId }], ...variables },
  );
  return response;
}

/** A product nobody in this file has reviewed, reviewed once per rating by that many new customers. */
async function productRatedWith(ratings: number[]): Promise<{ productId: string; reviews: ReviewData[] }> {
  productIndex += 1;
  const productId = active[productIndex]!.id;
  const reviews: ReviewData[] = [];
  for (const rating of ratings) reviews.push(await addReview(h, await h.customer(), { productId, rating }));
  return { productId, reviews };
}

describe('Product.rating', () => {
  it.each([
    [[], null],
    [[5], 5],
    [[2, 3], 2.5],
    [[5, 4, 4], 4.3],
    [[5, 4, 4, 4], 4.3],
    [[1, 1, 2], 1.3],
    [[5, 5, 4], 4.7],
  ])('averages %j to %s, rounded to one decimal, and counts them', async (ratings, average) => {
    const { productId } = await productRatedWith(ratings);
    const response = await productView(productId);
    expect(response.data?._entities[0]?.rating).toEqual({ average, count: ratings.length });
  });

  it('reads an upper-case product id as the same product', async () => {
    const { productId } = await productRatedWith([4, 5]);
    const upper = await productView(productId.toUpperCase(), { first: 5 });
    const lower = await productView(productId, { first: 5 });
    expect(upper.data?._entities[0]?.rating).toEqual({ average: 4.5, count: 2 });
    expect(upper.data?._entities[0]?.reviews.edges).toEqual(lower.data?._entities[0]?.reviews.edges);
  });

  it('follows edits, moderation and deletions', async () => {
    productIndex += 1;
    const productId = active[productIndex]!.id;
    const author = await h.customer();
    const kept = await addReview(h, author, { productId, rating: 5 });
    const moderated = await addReview(h, await h.customer(), { productId, rating: 1 });
    expect((await productView(productId)).data?._entities[0]?.rating).toEqual({ average: 3, count: 2 });

    await h.query('mutation ($id: ID!) { updateReview(id: $id, input: { rating: 4 }) { id } }', { id: kept.id }, author);
    expect((await productView(productId)).data?._entities[0]?.rating).toEqual({ average: 2.5, count: 2 });

    await h.query(MODERATE_REVIEW, { id: moderated.id, hidden: true }, h.admin);
    expect((await productView(productId)).data?._entities[0]?.rating).toEqual({ average: 4, count: 1 });

    await h.query('mutation ($id: ID!) { deleteReview(id: $id) }', { id: kept.id }, author);
    expect((await productView(productId)).data?._entities[0]?.rating).toEqual({ average: null, count: 0 });
  });
});

describe('Product.reviews', () => {
  let productId: string;
  let written: ReviewData[];

  beforeAll(async () => {
    ({ productId, reviews: written } = await productRatedWith(Array.from({ length: 23 }, (_, index) => (index % 5) + 1)));
  });

  it('pages through every visible review of a product, newest first, with cursors', async () => {
    const seen: Connection['edges'] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      pages += 1;
      const response = await productView(productId, { first: 5, after });
      expect(response.errors).toBeUndefined();
      const connection: Connection = response.data!._entities[0]!.reviews;
      expect(connection.totalCount).toBe(23);
      expect(connection.pageInfo.hasPreviousPage).toBe(after !== null);
      expect(connection.pageInfo.startCursor).toBe(connection.edges[0]?.cursor ?? null);
      expect(connection.pageInfo.endCursor).toBe(connection.edges.at(-1)?.cursor ?? null);
      seen.push(...connection.edges);
      if (!connection.pageInfo.hasNextPage) break;
      after = connection.pageInfo.endCursor;
    }
    expect(pages).toBe(5);
    const newestFirst = [...written].sort(
      (a, b) => new Date(b.createdAt).getTime() - new Date(a.createdAt).getTime() || (a.id < b.id ? 1 : -1),
    );
    expect(seen.map((edge) => edge.node.id)).toEqual(newestFirst.map((review) => review.id));
  });

  it('shows 10 reviews by default (an explicit null too), and an empty last page after the last cursor', async () => {
    const first = await productView(productId);
    expect(first.data!._entities[0]!.reviews.edges).toHaveLength(10);
    const nullFirst = await productView(productId, { first: null });
    expect(nullFirst.data!._entities[0]!.reviews.edges).toHaveLength(10);
    const all = await productView(productId, { first: 23 });
    const last = all.data!._entities[0]!.reviews;
    expect(last.pageInfo.hasNextPage).toBe(false);
    const beyond = await productView(productId, { first: 5, after: last.pageInfo.endCursor });
    expect(beyond.data!._entities[0]!.reviews).toMatchObject({ edges: [], totalCount: 23, pageInfo: { hasNextPage: false, hasPreviousPage: true } });
  });

  it('refuses a page size outside 1..100 and a cursor it did not issue with BAD_USER_INPUT', async () => {
    for (const variables of [
      { first: 0 },
      { first: 101 },
      { after: 'not-a-cursor' },
      { after: encodeCursor(['NEWEST', '2025-01-01T00:00:00.000Z', written[0]!.id]) },
      { after: encodeCursor(['yesterday', written[0]!.id]) },
    ]) {
      const response = await productView(productId, variables);
      expect({ variables, codes: errorCodes(response) }).toEqual({ variables, codes: ['BAD_USER_INPUT'] });
    }
  });
});
