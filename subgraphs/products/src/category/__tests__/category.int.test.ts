import { countStatements, errorCodes } from '@techally/testing';
import { generateCatalog } from '@techally/demo-data';
import { startProductsHarness, type ProductsHarness } from '../../__tests__/products-harness';

const catalog = generateCatalog();
const bySlug = (slug: string) => catalog.categories.find((category) => category.slug === slug)!;

interface CategoryData {
  id: string;
  name: string;
  slug: string;
  parent: { slug: string } | null;
  children: Array<{ slug: string }>;
  path: Array<{ slug: string }>;
  productCount: number;
}

const TREE = '{ categories { id name slug parent { slug } children { slug } path { slug } productCount } }';
const CATEGORY = `query Category($id: ID, $slug: String) {
  category(id: $id, slug: $slug) { id name slug parent { slug } children { slug } path { slug } productCount }
}`;
const CREATE = `mutation Create($input: CreateCategoryInput!) { createCategory(input: $input) { id name slug parent { slug } path { slug } productCount } }`;

let h: ProductsHarness;

beforeAll(async () => {
  h = await startProductsHarness();
});
afterAll(() => h?.stop());

describe('categories', () => {
  it('lists every category in tree order: each one followed by its descendants', async () => {
    const response = await h.query<{ categories: CategoryData[] }>(TREE);
    const slugs = response.data!.categories.map((category) => category.slug);
    expect(slugs).toHaveLength(catalog.categories.length);
    expect(slugs.slice(0, 6)).toEqual(['electronics', 'computers', 'laptops', 'monitors', 'keyboards-and-mice', 'phones-and-tablets']);
    // every category comes after its parent
    for (const category of response.data!.categories) {
      if (category.parent) expect(slugs.indexOf(category.parent.slug)).toBeLessThan(slugs.indexOf(category.slug));
    }
  });

  it('knows parents, children and the path from the root', async () => {
    const response = await h.query<{ categories: CategoryData[] }>(TREE);
    const espresso = response.data!.categories.find((category) => category.slug === 'espresso-machines')!;
    expect(espresso.parent).toEqual({ slug: 'coffee' });
    expect(espresso.children).toEqual([]);
    expect(espresso.path).toEqual([{ slug: 'home-and-kitchen' }, { slug: 'coffee' }, { slug: 'espresso-machines' }]);
    const coffee = response.data!.categories.find((category) => category.slug === 'coffee')!;
    expect(coffee.children).toEqual([{ slug: 'espresso-machines' }, { slug: 'coffee-grinders' }, { slug: 'pour-over-and-brewing' }]);
  });

  it('counts the active products in a category and everything below it, like the listing filter', async () => {
    const response = await h.query<{ categories: CategoryData[] }>(TREE);
    for (const slug of ['electronics', 'coffee', 'laptops', 'books']) {
      const category = response.data!.categories.find((candidate) => candidate.slug === slug)!;
      const listing = await h.query<{ products: { totalCount: number } }>(
        'query($id: ID) { products(filter: { categoryId: $id }) { totalCount } }',
        { id: category.id },
      );
      expect({ slug, count: category.productCount }).toEqual({ slug, count: listing.data!.products.totalCount });
    }
    const total = response.data!.categories.filter((category) => !category.parent).reduce((sum, root) => sum + root.productCount, 0);
    expect(total).toBe(catalog.products.filter((product) => product.status === 'ACTIVE').length);
  });

  it('answers the whole tree with all its fields in a bounded number of statements', async () => {
    const counter = countStatements(h.subgraph.orm);
    try {
      await h.query(TREE);
      // all categories + children of all + product counts of all; parents and paths come from the primed loader
      expect(counter.count).toBe(3);
    } finally {
      counter.stop();
    }
  });
});

describe('category(id, slug)', () => {
  it('finds a category by id or by slug', async () => {
    const coffee = bySlug('coffee');
    const byId = await h.query<{ category: CategoryData }>(CATEGORY, { id: coffee.id });
    const bySlugResponse = await h.query<{ category: CategoryData }>(CATEGORY, { slug: 'coffee' });
    expect(byId.data?.category).toMatchObject({ id: coffee.id, name: 'Coffee', parent: { slug: 'home-and-kitchen' } });
    expect(bySlugResponse.data).toEqual(byId.data);
  });

  it('answers null for an unknown category and BAD_USER_INPUT for both keys or none', async () => {
    expect((await h.query(CATEGORY, { slug: 'no-such-category' })).data).toEqual({ category: null });
    expect((await h.query(CATEGORY, { id: 'not-a-uuid' })).data).toEqual({ category: null });
    expect(errorCodes(await h.query(CATEGORY, { id: bySlug('coffee').id, slug: 'coffee' }))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await h.query(CATEGORY, {}))).toEqual(['BAD_USER_INPUT']);
  });
});

describe('createCategory', () => {
  it('adds a category under a parent, after its existing children', async () => {
    const response = await h.query<{ createCategory: CategoryData }>(
      CREATE,
      { input: { name: 'Moka Pots', parentId: bySlug('coffee').id } },
      h.adminToken,
    );
    expect(response.errors).toBeUndefined();
    expect(response.data!.createCategory).toMatchObject({
      name: 'Moka Pots',
      slug: 'moka-pots',
      parent: { slug: 'coffee' },
      path: [{ slug: 'home-and-kitchen' }, { slug: 'coffee' }, { slug: 'moka-pots' }],
      productCount: 0,
    });
    const coffee = await h.query<{ category: CategoryData }>(CATEGORY, { slug: 'coffee' });
    expect(coffee.data?.category.children.at(-1)).toEqual({ slug: 'moka-pots' });
  });

  it('adds a root category when there is no parent', async () => {
    const response = await h.query<{ createCategory: CategoryData }>(CREATE, { input: { name: 'Garden & Patio' } }, h.adminToken);
    expect(response.data?.createCategory).toMatchObject({ slug: 'garden-and-patio', parent: null });
    const tree = await h.query<{ categories: CategoryData[] }>(TREE);
    expect(tree.data?.categories.at(-1)?.slug).toBe('garden-and-patio');
  });

  it('prefixes a generated slug with the parent’s when the name’s slug is taken', async () => {
    const response = await h.query<{ createCategory: CategoryData }>(
      CREATE,
      { input: { name: 'Laptops', parentId: bySlug('books').id } },
      h.adminToken,
    );
    expect(response.data?.createCategory.slug).toBe('books-laptops');
  });

  it('refuses a chosen slug that is taken, an unknown parent and an empty name', async () => {
    const taken = await h.query(CREATE, { input: { name: 'Anything', slug: 'coffee' } }, h.adminToken);
    expect(errorCodes(taken)).toEqual(['SLUG_TAKEN']);
    const orphan = await h.query(CREATE, { input: { name: 'Orphan', parentId: '00000000-0000-4000-8000-000000000000' } }, h.adminToken);
    expect(errorCodes(orphan)).toEqual(['BAD_USER_INPUT']);
    expect(orphan.errors?.[0]?.extensions?.['field']).toBe('parentId');
    const unnamed = await h.query(CREATE, { input: { name: ' ' } }, h.adminToken);
    expect(unnamed.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name' });
  });
});
