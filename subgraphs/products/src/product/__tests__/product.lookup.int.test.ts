import { countStatements, errorCodes, errorCodesByPath } from '@techally/testing';
import { generateCatalog } from '@techally/demo-data';
import { startProductsHarness, type ProductsHarness } from '../../__tests__/products-harness';

const catalog = generateCatalog();
const [first, second] = catalog.products.filter((product) => product.status === 'ACTIVE');
const archived = catalog.products.find((product) => product.status === 'ARCHIVED')!;
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

const PRODUCT = `query Product($id: ID, $slug: String) {
  product(id: $id, slug: $slug) { id sku slug name status weight price { amount currency } category { slug } }
}`;

const ENTITIES = `query Entities($representations: [_Any!]!) {
  _entities(representations: $representations) {
    ... on Product { id sku name status price { amount } category { name } }
    ... on Category { id name }
  }
}`;

let h: ProductsHarness;

beforeAll(async () => {
  h = await startProductsHarness();
});
afterAll(() => h?.stop());

describe('product(id, slug)', () => {
  it('finds a product by id', async () => {
    const response = await h.query(PRODUCT, { id: first!.id });
    expect(response.data?.['product']).toEqual({
      id: first!.id,
      sku: first!.sku,
      slug: first!.slug,
      name: first!.name,
      status: 'ACTIVE',
      weight: first!.weightGrams,
      price: { amount: first!.priceAmount, currency: 'USD' },
      category: { slug: catalog.categories.find((category) => category.id === first!.categoryId)!.slug },
    });
  });

  it('finds a product by slug', async () => {
    const response = await h.query(PRODUCT, { slug: second!.slug });
    expect(response.data?.['product']).toMatchObject({ id: second!.id, slug: second!.slug });
  });

  it('finds an archived product, marked ARCHIVED', async () => {
    const response = await h.query(PRODUCT, { id: archived.id });
    expect(response.data?.['product']).toMatchObject({ id: archived.id, status: 'ARCHIVED' });
  });

  it('answers null for an unknown id, a malformed id or an unknown slug', async () => {
    for (const variables of [{ id: UNKNOWN_ID }, { id: 'not-a-uuid' }, { slug: 'no-such-product' }]) {
      const response = await h.query(PRODUCT, variables);
      expect({ variables, response }).toEqual({ variables, response: { data: { product: null } } });
    }
  });

  it('refuses both id and slug, or neither, with BAD_USER_INPUT', async () => {
    const both = await h.query(PRODUCT, { id: first!.id, slug: first!.slug });
    expect(errorCodes(both)).toEqual(['BAD_USER_INPUT']);
    expect(both.errors?.[0]?.message).toBe('Pass either "id" or "slug", not both.');
    expect(errorCodes(await h.query(PRODUCT, {}))).toEqual(['BAD_USER_INPUT']);
  });
});

describe('entity references (_entities)', () => {
  it('resolves a Product by sku', async () => {
    const response = await h.query(ENTITIES, { representations: [{ __typename: 'Product', sku: first!.sku }] });
    expect(response.data).toEqual({
      _entities: [
        {
          id: first!.id,
          sku: first!.sku,
          name: first!.name,
          status: 'ACTIVE',
          price: { amount: first!.priceAmount },
          category: { name: expect.any(String) },
        },
      ],
    });
  });

  it('resolves a Product by id, and a Category by id', async () => {
    const laptops = catalog.categories.find((category) => category.slug === 'laptops')!;
    const response = await h.query(ENTITIES, {
      representations: [
        { __typename: 'Product', id: second!.id },
        { __typename: 'Category', id: laptops.id },
      ],
    });
    expect(response.data).toEqual({
      _entities: [expect.objectContaining({ id: second!.id, sku: second!.sku }), { id: laptops.id, name: 'Laptops' }],
    });
  });

  it('resolves archived products, which orders placed before archiving still refer to', async () => {
    const response = await h.query(ENTITIES, {
      representations: [
        { __typename: 'Product', id: archived.id },
        { __typename: 'Product', sku: archived.sku },
      ],
    });
    expect(response.data).toEqual({
      _entities: [
        expect.objectContaining({ id: archived.id, status: 'ARCHIVED' }),
        expect.objectContaining({ id: archived.id, status: 'ARCHIVED' }),
      ],
    });
  });

  it('answers null for an unknown reference (BAD_USER_INPUT for a malformed one) without failing the rest of the batch', async () => {
    const response = await h.query(ENTITIES, {
      representations: [
        { __typename: 'Product', id: 'not-a-uuid' },
        { __typename: 'Product', id: UNKNOWN_ID },
        { __typename: 'Product', sku: 'NO-SUCH-SKU' },
        { __typename: 'Product', id: first!.id },
      ],
    });
    expect(errorCodesByPath(response)).toEqual({ '_entities.0': 'BAD_USER_INPUT' });
    expect(response.data).toEqual({
      _entities: [null, null, null, expect.objectContaining({ id: first!.id })],
    });
  });

  it('resolves 100 references with the same number of statements as 2', async () => {
    const byId = catalog.products.slice(0, 50).map((product) => ({ __typename: 'Product', id: product.id }));
    const bySku = catalog.products.slice(50, 100).map((product) => ({ __typename: 'Product', sku: product.sku }));
    const counter = countStatements(h.subgraph.orm);
    try {
      await h.query(ENTITIES, { representations: [byId[0], bySku[0]] });
      const few = counter.count;
      counter.reset();
      const response = await h.query<{ _entities: unknown[] }>(ENTITIES, { representations: [...byId, ...bySku] });
      expect(response.data?._entities.every((entity) => entity !== null)).toBe(true);
      // products by id, products by sku, and the categories of each of those two batches (the batches settle
      // in different ticks, so their categories are asked for in two rounds): 4, whatever the batch size.
      expect({ few, many: counter.count }).toEqual({ few: 4, many: 4 });
    } finally {
      counter.stop();
    }
  });
});
