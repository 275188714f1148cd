import type { SearchSubgraph } from '@techally/search';
import { bearer, errorCodes, postGraphQL, type GraphQLResponse } from '@techally/testing';
import { startTestSupergraph, TEST_ADMIN, type TestSupergraph } from './support/test-supergraph';

// Issue #13 through the gateway: the search subgraph's index of the seeded catalogue (built when it first
// started), the other subgraphs resolving what it returns (keys only), and its freshness — each change waited
// for on the index's own notifications, never by sleeping.

let supergraph: TestSupergraph;
let search: SearchSubgraph;
let adminToken: string;

beforeAll(async () => {
  supergraph = await startTestSupergraph();
  search = supergraph.apps['search'] as SearchSubgraph;
  const logIn = await postGraphQL<{ logIn: { accessToken: string } }>(
    supergraph.gatewayUrl,
    'mutation ($email: String!, $password: String!) { logIn(email: $email, password: $password) { accessToken } }',
    TEST_ADMIN,
  );
  adminToken = logIn.data!.logIn.accessToken;
}, 180_000);
afterAll(() => supergraph?.stop());

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- specs assert on response shapes instead of typing each one
type Data = Record<string, any>;
const anonymous = (query: string, variables: Record<string, unknown> = {}) => postGraphQL<Data>(supergraph.gatewayUrl, query, variables);
const asAdmin = async (query: string, variables: Record<string, unknown> = {}) => {
  const response = await postGraphQL<Data>(supergraph.gatewayUrl, query, variables, bearer(adminToken));
  if (response.errors) throw new Error(JSON.stringify(response.errors));
  return response.data!;
};

const SEARCH = `query Search($query: String, $filter: SearchFilter, $sort: SearchSort, $first: Int, $after: String) {
  searchProducts(query: $query, filter: $filter, sort: $sort, first: $first, after: $after) {
    totalCount didYouMean
    edges { cursor node { id name price { amount } inStock rating { average } } }
    pageInfo { hasNextPage endCursor }
    facets { categories { category { id name } count } priceRanges { min max count } inStock outOfStock }
  }
}`;

async function searchFor(variables: Record<string, unknown>): Promise<Data> {
  const response = await anonymous(SEARCH, variables);
  expect(response.errors).toBeUndefined();
  return response.data!['searchProducts'];
}

/** Runs `change`, then waits until the index applied an event of `cause` for the product `change` names. */
async function changed<T extends { productId: string }>(cause: string, change: () => Promise<T>): Promise<T> {
  const applied: Array<{ productId: string; cause: string }> = [];
  const stop = search.indexed.onIndexed((event) => applied.push(event));
  try {
    const result = await change();
    if (!applied.some((event) => event.productId === result.productId && event.cause === cause)) {
      await search.indexed.next((event) => event.productId === result.productId && event.cause === cause);
    }
    return result;
  } finally {
    stop();
  }
}

describe('searchProducts and suggestProducts through the gateway', () => {
  it('search the seeded catalogue, indexed when search first started, with the other subgraphs filling each product in', async () => {
    const result = await searchFor({ query: 'headphones', first: 5 });
    expect(result.totalCount).toBeGreaterThan(5);
    expect(result.edges).toHaveLength(5);
    for (const { node } of result.edges) {
      expect(node.name).toEqual(expect.any(String));
      expect(node.price.amount).toBeGreaterThan(0);
      expect(typeof node.inStock).toBe('boolean');
    }
    expect(result.edges[0].node.name).toMatch(/headphone/i);
    const facets = result.facets;
    const sum = (counts: Array<{ count: number }>) => counts.reduce((total, { count }) => total + count, 0);
    expect(sum(facets.categories)).toBe(result.totalCount);
    expect(sum(facets.priceRanges)).toBe(result.totalCount);
    expect(facets.inStock + facets.outOfStock).toBe(result.totalCount);
    expect(facets.categories[0].category.name).toEqual(expect.any(String));

    const next = await searchFor({ query: 'headphones', first: 5, after: result.pageInfo.endCursor });
    expect(next.edges.map((edge: Data) => edge.node.id)).not.toEqual(expect.arrayContaining([result.edges[0].node.id]));
  });

  it('corrects a typo ("did you mean") and proposes products while the shopper types', async () => {
    const typo = await searchFor({ query: 'hedphones', first: 3 });
    expect(typo.didYouMean).toBe('headphones');
    expect(typo.edges.length).toBeGreaterThan(0);
    const suggestions = await anonymous('{ suggestProducts(prefix: "quietcomf", first: 3) { name product { id slug } } }');
    expect(suggestions.errors).toBeUndefined();
    expect(suggestions.data!['suggestProducts'][0].name).toMatch(/QuietComfort/);
    expect(suggestions.data!['suggestProducts'][0].product.slug).toEqual(expect.any(String));
  });

  it('reflects a product created, repriced, stocked, sold out and archived, as soon as each event is indexed', async () => {
    const [category] = (await asAdmin('{ categories { id } }'))['categories'];
    const [warehouse] = (await asAdmin('{ warehouses { id } }'))['warehouses'];
    const { productId } = await changed('products.product-created.v1', async () => {
      const created = await asAdmin(
        'mutation ($input: CreateProductInput!) { createProduct(input: $input) { id } }',
        { input: { sku: 'E2E-ZEPHYR', name: 'Zephyr Lantern Speaker', description: 'Glows while it plays.', price: { amount: 4_200, currency: 'USD' }, categoryId: category.id, weight: 300 } },
      );
      return { productId: created['createProduct'].id as string };
    });
    const found = async (filter: Record<string, unknown> = {}) =>
      (await searchFor({ query: 'zephyr lantern', filter })).edges.map((edge: Data) => edge.node.id);
    expect(await found()).toEqual([productId]);
    expect(await found({ inStock: true })).toEqual([]);

    await changed('products.price-changed.v1', async () => {
      await asAdmin('mutation ($id: ID!) { updateProduct(id: $id, input: { price: { amount: 9900, currency: "USD" } }) { id } }', { id: productId });
      return { productId };
    });
    expect(await found({ maxPrice: 5_000 })).toEqual([]);
    expect(await found({ minPrice: 9_900 })).toEqual([productId]);

    const adjust = (delta: number, reason: string) =>
      changed('inventory.stock-changed.v1', async () => {
        await asAdmin('mutation ($input: AdjustStockInput!) { adjustStock(input: $input) { onHand } }', {
          input: { productId, warehouseId: warehouse.id, delta, reason },
        });
        return { productId };
      });
    await adjust(3, 'RECEIVED');
    expect(await found({ inStock: true })).toEqual([productId]);
    await adjust(-3, 'LOST');
    expect(await found({ inStock: true })).toEqual([]);
    expect(await found({ inStock: false })).toEqual([productId]);

    await changed('products.product-archived.v1', async () => {
      await asAdmin('mutation ($id: ID!) { archiveProduct(id: $id) { id } }', { id: productId });
      return { productId };
    });
    expect(await found()).toEqual([]);
  });

  describe('refuses bad input with BAD_USER_INPUT, and answers absurd input with nothing', () => {
    const refused = (response: GraphQLResponse<unknown>) => {
      expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
      expect(JSON.stringify(response.errors)).not.toMatch(/stacktrace|at .*\.ts/);
    };

    it.each([
      ['a query longer than 200 characters', { query: 'a'.repeat(201) }],
      ['a page of 1000', { first: 1000 }],
      ['a malformed cursor', { after: 'not-a-cursor' }],
      ['a category that is no id', { filter: { categoryId: 'audio' } }],
      ['a negative price', { filter: { minPrice: -1 } }],
      ['a minimum price above the maximum', { filter: { minPrice: 500, maxPrice: 100 } }],
      ['a rating above 5', { filter: { minRating: 6 } }],
    ])('%s', async (_case, variables) => {
      refused(await anonymous(SEARCH, variables));
    });

    it('a cursor of another sort order', async () => {
      const page = await searchFor({ sort: 'PRICE_ASC', first: 1 });
      refused(await anonymous(SEARCH, { sort: 'NEWEST', after: page.pageInfo.endCursor }));
    });

    it('punctuation, gibberish and a blank prefix find nothing, without an error', async () => {
      for (const query of ['!!! ???', 'qqqzzzxxxwww']) {
        const result = await searchFor({ query });
        expect(result.edges).toEqual([]);
        expect(result.totalCount).toBe(0);
      }
      const blank = await anonymous('{ suggestProducts(prefix: "   ") { name } }');
      expect(blank.data).toEqual({ suggestProducts: [] });
    });
  });
});
