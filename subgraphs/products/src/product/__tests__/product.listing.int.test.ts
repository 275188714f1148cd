import { countStatements, errorCodes } from '@techally/testing';
import { encodeCursor } from '@techally/platform';
import { generateCatalog, type SeedProduct } from '@techally/demo-data';
import { startProductsHarness, type ProductsHarness } from '../../__tests__/products-harness';

interface Node {
  id: string;
  name: string;
  createdAt: string;
  price: { amount: number; currency: string; formatted: string };
  category: { id: string; name: string; path: Array<{ slug: string }> };
}
interface Page {
  products: {
    edges: Array<{ cursor: string; node: Node }>;
    pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
    totalCount: number;
  };
}

const PAGE = `query Page($first: Int, $after: String, $filter: ProductFilter, $sort: ProductSort) {
  products(first: $first, after: $after, filter: $filter, sort: $sort) {
    edges { cursor node { id name createdAt price { amount currency formatted } category { id name path { slug } } } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    totalCount
  }
}`;

const catalog = generateCatalog();
const active = catalog.products.filter((product) => product.status === 'ACTIVE');
const categoryIdOf = (slug: string) => catalog.categories.find((category) => category.slug === slug)!.id;

/** Ids of the seed categories at or below `slug`. */
function subtree(slug: string): Set<string> {
  const ids = new Set([categoryIdOf(slug)]);
  for (const category of catalog.categories) if (category.parentId && ids.has(category.parentId)) ids.add(category.id);
  return ids;
}

let h: ProductsHarness;

beforeAll(async () => {
  h = await startProductsHarness();
});
afterAll(() => h?.stop());

async function page(variables: Record<string, unknown>): Promise<Page['products']> {
  const response = await h.query<Page>(PAGE, variables);
  expect(response.errors).toBeUndefined();
  return response.data!.products;
}

/** Follows `endCursor` until `hasNextPage` is false; returns every node in order and the pages' totalCounts. */
async function walk(variables: Record<string, unknown>): Promise<{ nodes: Node[]; totals: number[]; pages: number }> {
  const nodes: Node[] = [];
  const totals: number[] = [];
  let after: string | null = null;
  for (let pages = 1; pages < 100; pages++) {
    const current = await page({ ...variables, after });
    nodes.push(...current.edges.map((edge) => edge.node));
    totals.push(current.totalCount);
    expect(current.pageInfo.hasPreviousPage).toBe(after !== null);
    if (!current.pageInfo.hasNextPage) return { nodes, totals, pages };
    after = current.pageInfo.endCursor;
  }
  throw new Error('the listing never ended');
}

const byId = (a: SeedProduct, b: SeedProduct) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const expectedOrder: Record<string, (a: SeedProduct, b: SeedProduct) => number> = {
  NEWEST: (a, b) => b.createdAt.getTime() - a.createdAt.getTime() || byId(b, a),
  PRICE_ASC: (a, b) => a.priceAmount - b.priceAmount || byId(a, b),
  PRICE_DESC: (a, b) => b.priceAmount - a.priceAmount || byId(b, a),
};

describe('products listing', () => {
  it('lists 20 active products, newest first, by default', async () => {
    const response = await h.query<Page>('{ products { edges { node { id createdAt } } totalCount } }');
    const nodes = response.data!.products.edges.map((edge) => edge.node);
    const newest = [...active].sort(expectedOrder['NEWEST']).slice(0, 20);
    expect(nodes.map((node) => node.id)).toEqual(newest.map((product) => product.id));
    expect(response.data!.products.totalCount).toBe(active.length);
  });

  it('shows prices as Money in minor units with a formatted amount', async () => {
    const { edges } = await page({ first: 5, sort: 'PRICE_ASC' });
    for (const { node } of edges) {
      expect(Number.isInteger(node.price.amount)).toBe(true);
      expect(node.price.currency).toBe('USD');
      expect(node.price.formatted).toBe(`$${(node.price.amount / 100).toLocaleString('en-US', { minimumFractionDigits: 2 })}`);
    }
  });

  it('never lists archived products', async () => {
    const archived = new Set(catalog.products.filter((product) => product.status === 'ARCHIVED').map((product) => product.id));
    expect(archived.size).toBeGreaterThan(0);
    const { nodes } = await walk({ first: 100 });
    expect(nodes.filter((node) => archived.has(node.id))).toEqual([]);
  });

  describe.each(['NEWEST', 'PRICE_ASC', 'PRICE_DESC'])('sorted %s', (sort) => {
    it('pages through the whole active catalog: every product exactly once, in order, totalCount right', async () => {
      const { nodes, totals, pages } = await walk({ first: 30, sort });
      expect(pages).toBe(Math.ceil(active.length / 30));
      expect(nodes.map((node) => node.id)).toEqual([...active].sort(expectedOrder[sort]).map((product) => product.id));
      expect(new Set(totals)).toEqual(new Set([active.length]));
    });
  });

  describe('sorted NAME_ASC', () => {
    it('pages through the whole active catalog in the database’s name order, each product once', async () => {
      const { nodes } = await walk({ first: 30, sort: 'NAME_ASC' });
      // Name order is the database collation's (C on the embedded PGlite, often en_US on a server), so the
      // reference is Postgres's own ORDER BY, not a JavaScript sort.
      const expected = await h.subgraph.orm.em
        .fork()
        .getConnection()
        .execute<Array<{ id: string }>>(`select id from products.product where status = 'ACTIVE' order by name, id`);
      expect(nodes.map((node) => node.id)).toEqual(expected.map((row) => row.id));
    });

    it('puts names in alphabetical order (names on which every collation agrees)', async () => {
      const { nodes } = await walk({ first: 100, sort: 'NAME_ASC', filter: { search: 'sony' } });
      const expected = active
        .filter((product) => product.name.startsWith('Sony '))
        .map((product) => product.name)
        .sort();
      expect(expected.length).toBeGreaterThan(3);
      expect(nodes.map((node) => node.name)).toEqual(expected);
    });
  });

  describe('filter', () => {
    it('by category includes every category below it', async () => {
      const electronics = subtree('electronics');
      const expected = active.filter((product) => electronics.has(product.categoryId));
      const { nodes, totals } = await walk({ first: 25, filter: { categoryId: categoryIdOf('electronics') } });
      expect(new Set(nodes.map((node) => node.id))).toEqual(new Set(expected.map((product) => product.id)));
      expect(nodes).toHaveLength(expected.length);
      expect(totals[0]).toBe(expected.length);
      for (const node of nodes) expect(node.category.path[0]?.slug).toBe('electronics');
    });

    it('by a leaf category lists just that category', async () => {
      const expected = active.filter((product) => product.categoryId === categoryIdOf('laptops'));
      const { nodes } = await walk({ first: 100, filter: { categoryId: categoryIdOf('laptops') } });
      expect(nodes.map((node) => node.category.name)).toEqual(expected.map(() => 'Laptops'));
    });

    it('by price range keeps both bounds, inclusive', async () => {
      const [minPrice, maxPrice] = [9999, 29999];
      const expected = active.filter((product) => product.priceAmount >= minPrice && product.priceAmount <= maxPrice);
      const { nodes, totals } = await walk({ first: 40, sort: 'PRICE_ASC', filter: { minPrice, maxPrice } });
      expect(nodes.map((node) => node.id)).toEqual([...expected].sort(expectedOrder['PRICE_ASC']).map((product) => product.id));
      expect(nodes[0]?.price.amount).toBe(minPrice);
      expect(nodes.at(-1)?.price.amount).toBe(maxPrice);
      expect(totals[0]).toBe(expected.length);
    });

    it('combines category, price and search', async () => {
      const audio = subtree('audio');
      const expected = active.filter(
        (product) => audio.has(product.categoryId) && product.priceAmount <= 30000 && /bose/i.test(product.name),
      );
      const { nodes } = await walk({ first: 3, filter: { categoryId: categoryIdOf('audio'), maxPrice: 30000, search: 'BOSE' } });
      expect(expected.length).toBeGreaterThan(3);
      expect(new Set(nodes.map((node) => node.id))).toEqual(new Set(expected.map((product) => product.id)));
    });

    it('treats % and _ in a search as plain characters', async () => {
      expect((await page({ filter: { search: '%' } })).totalCount).toBe(0);
      expect((await page({ filter: { search: '_' } })).totalCount).toBe(0);
    });

    it('by an unknown or malformed category id matches nothing', async () => {
      for (const categoryId of ['00000000-0000-4000-8000-000000000000', 'not-a-uuid']) {
        const result = await page({ filter: { categoryId } });
        expect(result).toEqual({
          edges: [],
          pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null },
          totalCount: 0,
        });
      }
    });

    it('refuses a minimum price above the maximum, or a negative one', async () => {
      expect(errorCodes(await h.query(PAGE, { filter: { minPrice: 5000, maxPrice: 100 } }))).toEqual(['BAD_USER_INPUT']);
      expect(errorCodes(await h.query(PAGE, { filter: { minPrice: -1 } }))).toEqual(['BAD_USER_INPUT']);
    });
  });

  describe('page size and cursors', () => {
    it('refuses more than 100 products per page, and fewer than 1', async () => {
      const tooMany = await h.query(PAGE, { first: 1000 });
      expect(errorCodes(tooMany)).toEqual(['BAD_USER_INPUT']);
      expect(tooMany.errors?.[0]?.message).toContain('between 1 and 100');
      expect(errorCodes(await h.query(PAGE, { first: 0 }))).toEqual(['BAD_USER_INPUT']);
    });

    it('serves exactly 100 when asked', async () => {
      expect((await page({ first: 100 })).edges).toHaveLength(100);
    });

    it('refuses a tampered cursor', async () => {
      const { pageInfo } = await page({ first: 2 });
      const someId = '00000000-0000-4000-8000-000000000000';
      const tampered: Array<[after: string, sort: string]> = [
        ['not a cursor', 'NEWEST'],
        [`${pageInfo.endCursor!.slice(0, -3)}xyz`, 'NEWEST'],
        [encodeCursor(['NEWEST', 'yesterday', someId]), 'NEWEST'],
        [encodeCursor(['NEWEST', new Date().toISOString(), "1' or '1'='1"]), 'NEWEST'],
        [encodeCursor(['PRICE_ASC', 12.5, someId]), 'PRICE_ASC'],
        [encodeCursor(['NAME_ASC', 42, someId]), 'NAME_ASC'],
      ];
      for (const [after, sort] of tampered) {
        const response = await h.query(PAGE, { after, sort });
        expect({ after, codes: errorCodes(response) }).toEqual({ after, codes: ['BAD_USER_INPUT'] });
      }
    });

    it('refuses a cursor issued for another sort order', async () => {
      const { pageInfo } = await page({ first: 2, sort: 'PRICE_ASC' });
      const response = await h.query(PAGE, { after: pageInfo.endCursor, sort: 'NAME_ASC' });
      expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    });
  });

  describe('cost', () => {
    const LISTING = `query Listing($first: Int) {
      products(first: $first) {
        edges { node { name price { formatted } category { name parent { name } } } }
        totalCount
      }
    }`;

    it('costs the same number of SQL statements for 50 products as for 5', async () => {
      const counter = countStatements(h.subgraph.orm);
      try {
        const small = await h.query(LISTING, { first: 5 });
        const smallCount = counter.count;
        counter.reset();
        const large = await h.query(LISTING, { first: 50 });
        const largeCount = counter.count;
        expect(small.errors).toBeUndefined();
        expect(large.errors).toBeUndefined();
        // the page with its categories and the count (one statement) + the categories' parents
        expect({ smallCount, largeCount, statements: counter.statements }).toMatchObject({ smallCount: 2, largeCount: 2 });
      } finally {
        counter.stop();
      }
    });
  });
});
