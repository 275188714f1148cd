import type { EntityManager } from '@mikro-orm/postgresql';
import { startProductsHarness, type ProductsHarness } from '../../__tests__/products-harness';
import { Category } from '../../category/category.entity';
import { CategoryReads } from '../../category/category.reads';
import { categoryRecordOf } from '../../category/category.record';
import { productCursor, decodeProductCursor } from '../product.cursor';
import { Product } from '../product.entity';
import { normalizeFilter, type ProductFilterInput } from '../product.filter';
import { ProductReads } from '../product.reads';
import { productRecordOf, type ProductRecord } from '../product.record';
import { ProductSort } from '../product-sort';
import { ProductStatus } from '../product-status';

// The read paths answer plain records from hand-written SQL instead of hydrated entities (product.reads.ts).
// Each case here asks the same question both ways — the entity path as MikroORM answers it, mapped with
// productRecordOf, and ProductReads — and expects exactly the same records, in the same order.

let h: ProductsHarness;
let reads: ProductReads;
let categoryReads: CategoryReads;
const em = (): EntityManager => h.subgraph.orm.em.fork() as EntityManager;

beforeAll(async () => {
  h = await startProductsHarness();
  const connection = h.subgraph.orm.em.getConnection();
  reads = new ProductReads(connection);
  categoryReads = new CategoryReads(connection);
  // Names with LIKE wildcards and an archived product, which the seed alone lacks.
  const [someCategory] = await em().find(Category, {}, { limit: 1, orderBy: { id: 'asc' } });
  for (const [sku, name] of [
    ['WILD-1', '100% Cotton_Tee'],
    ['WILD-2', '100 Cotton Tee'],
  ] as const) {
    const created = await h.query<{ createProduct: { id: string } }>(
      `mutation ($input: CreateProductInput!) { createProduct(input: $input) { id } }`,
      { input: { sku, name, description: 'A tee.', price: { amount: 1999, currency: 'EUR' }, weight: 150, categoryId: someCategory!.id } },
      h.adminToken,
    );
    expect(created.errors).toBeUndefined();
  }
  const [toArchive] = await em().find(Product, { status: ProductStatus.ACTIVE }, { limit: 1, orderBy: { priceAmount: 'asc', id: 'asc' } });
  const archived = await h.query(`mutation ($id: ID!) { archiveProduct(id: $id) { id } }`, { id: toArchive!.id }, h.adminToken);
  expect(archived.errors).toBeUndefined();
}, 120_000);
afterAll(() => h?.stop());

async function allEntities(): Promise<Product[]> {
  return em().find(Product, {}, { orderBy: { id: 'asc' } });
}

const ENTITY_ORDER = {
  [ProductSort.NEWEST]: { createdAt: 'desc', id: 'desc' },
  [ProductSort.PRICE_ASC]: { priceAmount: 'asc', id: 'asc' },
  [ProductSort.PRICE_DESC]: { priceAmount: 'desc', id: 'desc' },
  [ProductSort.NAME_ASC]: { name: 'asc', id: 'asc' },
} as const;

/** The listing as the entity path answers it: every active product matching, in the sort's order. */
async function entityListing(sort: ProductSort, input: ProductFilterInput | null): Promise<ProductRecord[]> {
  const filter = normalizeFilter(input);
  const where: Record<string, unknown> = { status: ProductStatus.ACTIVE };
  if (filter.categoryId !== undefined) where['category'] = { $in: await subtreeOf(filter.categoryId) };
  if (filter.minPrice !== undefined || filter.maxPrice !== undefined) {
    where['priceAmount'] = {
      ...(filter.minPrice !== undefined ? { $gte: filter.minPrice } : {}),
      ...(filter.maxPrice !== undefined ? { $lte: filter.maxPrice } : {}),
    };
  }
  const products = await em().find(Product, where, { orderBy: ENTITY_ORDER[sort] });
  // The entity path's search, done in JS so it cannot share a LIKE-escaping bug with the SQL under test.
  const search = filter.search?.toLowerCase();
  return products.filter((product) => search === undefined || product.name.toLowerCase().includes(search)).map(productRecordOf);
}

async function subtreeOf(categoryId: string): Promise<string[]> {
  const categories = await em().find(Category, {});
  const ids = new Set([categoryId]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const category of categories) {
      if (category.parent && ids.has(category.parent.id) && !ids.has(category.id)) {
        ids.add(category.id);
        grew = true;
      }
    }
  }
  return [...ids];
}

/** Every page of the listing through ProductReads, each resumed from the previous page's last cursor. */
async function pagedListing(sort: ProductSort, input: ProductFilterInput | null, first: number) {
  const filter = normalizeFilter(input);
  const records: ProductRecord[] = [];
  let after = null;
  for (let page = 0; page < 100; page++) {
    const result = await reads.listPage({ filter, sort, after, first });
    records.push(...result.products);
    if (!result.hasNextPage) return { records, count: await reads.count(filter) };
    const last = result.products.at(-1)!;
    after = decodeProductCursor(sort, productCursor(sort, last));
  }
  throw new Error('more than 100 pages');
}

describe('ProductReads against the entity path', () => {
  it('looks up every product by id, SKU and slug as the entity would show it, archived ones included', async () => {
    const entities = await allEntities();
    expect(entities.some((product) => product.status === ProductStatus.ARCHIVED)).toBe(true);
    const expected = entities.map(productRecordOf);
    const byId = await reads.byIds(entities.map((product) => product.id));
    expect([...byId].sort((a, b) => (a.id < b.id ? -1 : 1))).toEqual(expected);
    const bySku = await reads.bySkus(entities.map((product) => product.sku));
    expect(new Map(bySku.map((record) => [record.sku, record]))).toEqual(new Map(expected.map((record) => [record.sku, record])));
    for (const product of expected.slice(0, 20)) expect(await reads.bySlug(product.slug)).toEqual(product);
    expect(await reads.bySlug('no-such-product')).toBeNull();
    expect(await reads.byIds(['00000000-0000-4000-8000-000000000000'])).toEqual([]);
  });

  it('keeps prices, currencies, weights, categories and millisecond timestamps exactly', async () => {
    const [entity] = await em().find(Product, {}, { limit: 1, orderBy: { createdAt: 'desc' } });
    const [record] = await reads.byIds([entity!.id]);
    expect(record).toEqual(productRecordOf(entity!));
    expect(record!.createdAt).toBeInstanceOf(Date);
    expect(record!.createdAt.getTime()).toBe(entity!.createdAt.getTime());
    expect(typeof record!.priceAmount).toBe('number');
    expect(record!.categoryId).toBe(entity!.category.id);
  });

  it.each(Object.values(ProductSort))('lists every active product sorted %s, page by page, with the same cursors', async (sort) => {
    const expected = await entityListing(sort, null);
    const { records, count } = await pagedListing(sort, null, 17);
    expect(records).toEqual(expected);
    expect(count).toBe(expected.length);
    expect(records.map((record) => productCursor(sort, record))).toEqual(expected.map((record) => productCursor(sort, record)));
    expect(records.every((record) => record.status === ProductStatus.ACTIVE)).toBe(true);
  });

  it.each<[string, () => Promise<ProductFilterInput>]>([
    ['a category and every category below it', async () => ({ categoryId: (await em().findOneOrFail(Category, { slug: 'electronics' })).id })],
    ['a leaf category', async () => ({ categoryId: (await em().findOneOrFail(Category, { slug: 'laptops' })).id })],
    ['an inclusive price range', async () => ({ minPrice: 1999, maxPrice: 50_000 })],
    ['a minimum price alone', async () => ({ minPrice: 100_000 })],
    ['a case-insensitive name search', async () => ({ search: 'PRO' })],
    ['a search whose % and _ match themselves', async () => ({ search: '100% cotton_' })],
    ['a search for a lone wildcard', async () => ({ search: '%' })],
    ['everything at once', async () => ({ categoryId: (await em().findOneOrFail(Category, { slug: 'electronics' })).id, minPrice: 1000, search: 'a' })],
  ])('filters by %s as the entity path does', async (_name, filterOf) => {
    const filter = await filterOf();
    for (const sort of [ProductSort.NEWEST, ProductSort.PRICE_ASC]) {
      const expected = await entityListing(sort, filter);
      const { records, count } = await pagedListing(sort, filter, 9);
      expect(records).toEqual(expected);
      expect(count).toBe(expected.length);
    }
  });

  it.each([ProductSort.NEWEST, ProductSort.NAME_ASC])(
    'answers the same page sorted %s with its categories and the total count in the statement, on every page',
    async (sort) => {
      const filter = normalizeFilter({ categoryId: (await em().findOneOrFail(Category, { slug: 'electronics' })).id, maxPrice: 200_000 });
      const expected = await entityListing(sort, { categoryId: filter.categoryId ?? null, maxPrice: 200_000 });
      const categories = new Map((await em().find(Category, {})).map((category) => [category.id, categoryRecordOf(category)]));
      const seen: ProductRecord[] = [];
      let after = null;
      for (let page = 0; page < 50; page++) {
        const result = await reads.listPage({ filter, sort, after, first: 6, withCategories: true, withTotalCount: true });
        expect(result.totalCount).toBe(expected.length);
        expect(result.categories).toEqual(result.products.map((product) => categories.get(product.categoryId)));
        seen.push(...result.products);
        if (!result.hasNextPage) break;
        after = decodeProductCursor(sort, productCursor(sort, result.products.at(-1)!));
      }
      expect(seen).toEqual(expected);
      // A cursor past the last product: an empty page still knows the total.
      const pastTheEnd = decodeProductCursor(sort, productCursor(sort, expected.at(-1)!));
      expect(await reads.listPage({ filter, sort, after: pastTheEnd, first: 6, withCategories: true, withTotalCount: true })).toEqual({
        products: [],
        categories: [],
        hasNextPage: false,
        totalCount: expected.length,
      });
    },
  );

  it('answers nothing, without a statement, for a category id that is not a UUID', async () => {
    const filter = normalizeFilter({ categoryId: 'laptops' });
    expect(await reads.listPage({ filter, sort: ProductSort.NEWEST, after: null, first: 5, withTotalCount: true })).toEqual({
      products: [],
      categories: [],
      hasNextPage: false,
      totalCount: 0,
    });
    expect(await reads.count(filter)).toBe(0);
  });
});

describe('CategoryReads against the entity path', () => {
  it('reads every category, by id, by slug and as children, as the entities would show them', async () => {
    const entities = await em().find(Category, {}, { orderBy: { position: 'asc', name: 'asc', id: 'asc' } });
    const expected = entities.map(categoryRecordOf);
    expect(await categoryReads.all()).toEqual(expected);
    const byId = await categoryReads.byIds(entities.map((category) => category.id));
    expect(new Map(byId.map((record) => [record.id, record]))).toEqual(new Map(expected.map((record) => [record.id, record])));
    for (const category of expected.slice(0, 10)) expect(await categoryReads.bySlug(category.slug)).toEqual(category);
    const roots = expected.filter((category) => category.parentId === null).map((category) => category.id);
    expect(await categoryReads.children(roots)).toEqual(expected.filter((category) => category.parentId !== null && roots.includes(category.parentId)));
  });
});
