import { generateCatalog } from '@techally/demo-data';
import { entitiesQuery, errorCodes, errorCodesByPath, malformedRepresentations, NUL } from '@techally/testing';
import { ADD_REVIEW, startReviewsHarness, type ReviewsHarness } from './reviews.harness';

// Issue #9: a NUL character in a review reached PostgreSQL, which cannot hold it in text, and the driver's error
// came back as INTERNAL_SERVER_ERROR; a malformed `_entities` representation did too. A review's title is shown
// to every reader beside its author's name: it must not turn text around or hide characters either.

const [product] = generateCatalog().products.filter((candidate) => candidate.status === 'ACTIVE');

let h: ReviewsHarness;

beforeAll(async () => {
  h = await startReviewsHarness();
});
afterAll(() => h?.stop());

const review = (overrides: Record<string, unknown>) => ({ productId: product!.id, rating: 4, title: 'Solid choice', body: 'Good sound.', ...overrides });

describe('addReview', () => {
  it('refuses a NUL character in the title with BAD_USER_INPUT naming input.title, writing nothing', async () => {
    const response = await h.query(ADD_REVIEW, { input: review({ title: `Solid${NUL}choice` }) }, await h.customer());
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors![0]!.extensions).toMatchObject({ field: 'input.title' });
    expect(JSON.stringify(response)).not.toContain('Solid');
    expect(await h.rows()).toEqual([]);
  });

  it('refuses a NUL character in the body too', async () => {
    const response = await h.query(ADD_REVIEW, { input: review({ body: `Good${NUL}` }) }, await h.customer());
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors![0]!.extensions).toMatchObject({ field: 'input.body' });
  });

  it.each([
    ['a right-to-left override', 'Solid \u202Eeciohc'],
    ['a zero-width space', 'Solid\u200Bchoice'],
    ['a control character', 'Solid\u001Bchoice'],
  ])('refuses a title with %s, naming title', async (_label, title) => {
    const response = await h.query(ADD_REVIEW, { input: review({ title }) }, await h.customer());
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors![0]!.extensions).toMatchObject({ field: 'title' });
    expect(await h.rows()).toEqual([]);
  });
});

describe('_entities called directly', () => {
  it('answers BAD_USER_INPUT for an unknown __typename and malformed Review, Product and User ids', async () => {
    const response = await h.query(entitiesQuery('... on Review { id } ... on Product { id } ... on User { id }'), {
      representations: [...malformedRepresentations('Review'), { __typename: 'Product', id: 'sony' }, { __typename: 'User', id: '42' }],
    });
    expect(errorCodesByPath(response)).toEqual({
      '_entities.0': 'BAD_USER_INPUT',
      '_entities.1': 'BAD_USER_INPUT',
      '_entities.2': 'BAD_USER_INPUT',
      '_entities.3': 'BAD_USER_INPUT',
    });
  });
});
