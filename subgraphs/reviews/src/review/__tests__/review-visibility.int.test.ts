import { generateCatalog } from '@techally/demo-data';
import { errorCodesByPath } from '@techally/testing';
import { addReview, MODERATE_REVIEW, startReviewsHarness, type Caller, type ReviewData, type ReviewsHarness } from '../../__tests__/reviews.harness';

const [product] = generateCatalog().products.filter((candidate) => candidate.status === 'ACTIVE');

const REVIEW_ENTITIES = `query ($representations: [_Any!]!) {
  _entities(representations: $representations) { ... on Review { id title hidden hiddenReason author { id } } }
}`;
const PRODUCT_REVIEWS = `query ($representations: [_Any!]!) {
  _entities(representations: $representations) {
    ... on Product { rating { average count } reviews { totalCount edges { node { id } } } }
  }
}`;
const USER_REVIEWS = `query ($representations: [_Any!]!) {
  _entities(representations: $representations) { ... on User { reviews { totalCount edges { node { id hidden } } } } }
}`;

let h: ReviewsHarness;
let author: Caller;
let other: Caller;
let visible: ReviewData;
let hidden: ReviewData;

beforeAll(async () => {
  h = await startReviewsHarness();
  author = await h.customer();
  other = await h.customer();
  // One author, two products: one review stays visible, the other a moderator hides.
  hidden = await addReview(h, author, { productId: product!.id, rating: 1, title: 'Terrible', body: 'Call me on 555-0100.' });
  visible = await addReview(h, other, { productId: product!.id, rating: 4, title: 'Good', body: 'Good.' });
  await h.query(MODERATE_REVIEW, { id: hidden.id, hidden: true, reason: 'Personal data' }, h.admin);
});
afterAll(() => h?.stop());

function entities(query: string, representations: unknown[], caller?: Caller) {
  return h.query<{ _entities: unknown[] }>(query, { representations }, caller);
}

describe('a hidden review', () => {
  it('is out of its product\'s reviews, totalCount and rating, for everyone including its author and admins', async () => {
    for (const caller of [undefined, author, h.admin]) {
      const response = await entities(PRODUCT_REVIEWS, [{ __typename: 'Product', id: product!.id }], caller);
      expect(response.data?._entities).toEqual([
        { rating: { average: 4, count: 1 }, reviews: { totalCount: 1, edges: [{ node: { id: visible.id } }] } },
      ]);
    }
  });

  it('resolves through _entities for its author and administrators only; null for anyone else', async () => {
    const representations = [
      { __typename: 'Review', id: hidden.id },
      { __typename: 'Review', id: visible.id },
    ];
    const seen = { id: hidden.id, title: 'Terrible', hidden: true, hiddenReason: 'Personal data', author: { id: author.userId } };
    const plain = { id: visible.id, title: 'Good', hidden: false, hiddenReason: null, author: { id: other.userId } };
    for (const [caller, expected] of [
      [undefined, [null, plain]],
      [other, [null, plain]],
      [author, [seen, plain]],
      [h.admin, [seen, plain]],
    ] as const) {
      const response = await entities(REVIEW_ENTITIES, representations, caller);
      expect({ caller: caller?.userId, response }).toEqual({ caller: caller?.userId, response: { data: { _entities: expected } } });
    }
  });

  it('resolves through review(id) under the same rule', async () => {
    const lookup = (caller?: Caller) => h.query('query ($id: ID!) { review(id: $id) { id } }', { id: hidden.id }, caller);
    expect((await lookup()).data).toEqual({ review: null });
    expect((await lookup(other)).data).toEqual({ review: null });
    expect((await lookup(author)).data).toEqual({ review: { id: hidden.id } });
    expect((await lookup(h.admin)).data).toEqual({ review: { id: hidden.id } });
  });

  it('is among its author\'s User.reviews for themself and administrators, not for anyone else', async () => {
    const user = [{ __typename: 'User', id: author.userId }];
    const own = { reviews: { totalCount: 1, edges: [{ node: { id: hidden.id, hidden: true } }] } };
    const publicView = { reviews: { totalCount: 0, edges: [] } };
    expect((await entities(USER_REVIEWS, user, author)).data?._entities).toEqual([own]);
    expect((await entities(USER_REVIEWS, user, h.admin)).data?._entities).toEqual([own]);
    expect((await entities(USER_REVIEWS, user, other)).data?._entities).toEqual([publicView]);
    expect((await entities(USER_REVIEWS, user)).data?._entities).toEqual([publicView]);
  });

  it('counts again once a moderator shows it', async () => {
    await h.query(MODERATE_REVIEW, { id: hidden.id, hidden: false }, h.admin);
    try {
      const response = await entities(PRODUCT_REVIEWS, [{ __typename: 'Product', id: product!.id }]);
      expect(response.data?._entities).toEqual([
        {
          rating: { average: 2.5, count: 2 },
          reviews: { totalCount: 2, edges: expect.arrayContaining([{ node: { id: hidden.id } }, { node: { id: visible.id } }]) },
        },
      ]);
    } finally {
      await h.query(MODERATE_REVIEW, { id: hidden.id, hidden: true, reason: 'Personal data' }, h.admin);
    }
  });
});

describe('references this subgraph does not own', () => {
  it('answers a Review reference with an unknown id with null and a malformed one with BAD_USER_INPUT, without failing the batch', async () => {
    const response = await entities(REVIEW_ENTITIES, [
      { __typename: 'Review', id: 'not-a-uuid' },
      { __typename: 'Review', id: '00000000-0000-4000-8000-000000000000' },
      { __typename: 'Review', id: visible.id },
    ]);
    expect(errorCodesByPath(response)).toEqual({ '_entities.0': 'BAD_USER_INPUT' });
    expect(response.data?._entities).toEqual([null, null, expect.objectContaining({ id: visible.id })]);
  });

  it('gives a product or user it has no reviews of an empty list and no rating', async () => {
    const response = await entities(PRODUCT_REVIEWS, [
      { __typename: 'Product', id: '00000000-0000-4000-8000-000000000000' },
      { __typename: 'Product', id: '00000000-0000-4000-8000-000000000001' },
    ]);
    expect(response).toEqual({
      data: {
        _entities: [
          { rating: { average: null, count: 0 }, reviews: { totalCount: 0, edges: [] } },
          { rating: { average: null, count: 0 }, reviews: { totalCount: 0, edges: [] } },
        ],
      },
    });
  });
});
