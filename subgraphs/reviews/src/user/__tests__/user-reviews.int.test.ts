import { generateCatalog } from '@techally/demo-data';
import { addReview, startReviewsHarness, type Caller, type ReviewData, type ReviewsHarness } from '../../__tests__/reviews.harness';

const active = generateCatalog().products.filter((product) => product.status === 'ACTIVE');

const USER_REVIEWS = `query ($representations: [_Any!]!, $first: Int, $after: String) {
  _entities(representations: $representations) {
    ... on User {
      id
      reviews(first: $first, after: $after) {
        edges { cursor node { id product { id } author { id } } }
        pageInfo { hasNextPage hasPreviousPage endCursor }
        totalCount
      }
    }
  }
}`;

interface UserReviews {
  id: string;
  reviews: {
    edges: Array<{ cursor: string; node: { id: string; product: { id: string }; author: { id: string } } }>;
    pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null };
    totalCount: number;
  };
}

let h: ReviewsHarness;
let author: Caller;
let written: ReviewData[];

beforeAll(async () => {
  h = await startReviewsHarness();
  author = await h.customer();
  written = [];
  for (const product of active.slice(0, 3)) written.push(await addReview(h, author, { productId: product.id }));
  // Someone else's review of the same product is not theirs.
  await addReview(h, await h.customer(), { productId: active[0]!.id });
});
afterAll(() => h?.stop());

async function userReviews(userId: string, variables: Record<string, unknown> = {}): Promise<UserReviews> {
  const response = await h.query<{ _entities: UserReviews[] }>(USER_REVIEWS, {
    representations: [{ __typename: 'User', id: userId }],
    ...variables,
  });
  expect(response.errors).toBeUndefined();
  return response.data!._entities[0]!;
}

describe('User.reviews', () => {
  it('pages through the reviews a user wrote, newest first, to anyone who asks', async () => {
    const newestFirst = [...written].sort(
      (a, b) => new Date(b.createdAt).getTime() - new Date(a.createdAt).getTime() || (a.id < b.id ? 1 : -1),
    );
    const first = await userReviews(author.userId, { first: 2 });
    expect(first.reviews.totalCount).toBe(3);
    expect(first.reviews.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const rest = await userReviews(author.userId, { first: 2, after: first.reviews.pageInfo.endCursor });
    expect(rest.reviews.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    expect([...first.reviews.edges, ...rest.reviews.edges].map((edge) => edge.node)).toEqual(
      newestFirst.map((review) => ({ id: review.id, product: review.product, author: { id: author.userId } })),
    );
  });

  it('is empty for a user who wrote nothing', async () => {
    const nobody = await h.customer();
    expect((await userReviews(nobody.userId)).reviews).toEqual({
      edges: [],
      pageInfo: { hasNextPage: false, hasPreviousPage: false, endCursor: null },
      totalCount: 0,
    });
  });
});
