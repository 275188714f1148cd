import { errorCodes, type GraphQLResponse } from '@techally/testing';
import { generateCatalog } from '@techally/demo-data';
import { startProductsHarness, type ProductsHarness } from '../../__tests__/products-harness';

const catalog = generateCatalog();
const laptops = catalog.categories.find((category) => category.slug === 'laptops')!;
const coffee = catalog.categories.find((category) => category.slug === 'coffee')!;
const existing = catalog.products.find((product) => product.status === 'ACTIVE')!;

const PRODUCT_FIELDS = 'id sku name slug description status weight createdAt updatedAt price { amount currency formatted } category { id name }';
const CREATE = `mutation Create($input: CreateProductInput!) { createProduct(input: $input) { ${PRODUCT_FIELDS} } }`;
const UPDATE = `mutation Update($id: ID!, $input: UpdateProductInput!) { updateProduct(id: $id, input: $input) { ${PRODUCT_FIELDS} } }`;
const ARCHIVE = `mutation Archive($id: ID!) { archiveProduct(id: $id) { id status } }`;

interface ProductData {
  id: string;
  sku: string;
  name: string;
  slug: string;
  status: string;
  weight: number;
  updatedAt: string;
  price: { amount: number; currency: string; formatted: string };
  category: { id: string; name: string };
}

let h: ProductsHarness;
let skuCounter = 0;

/** A valid createProduct input with a fresh SKU; `overrides` replace fields. */
function newProduct(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  skuCounter += 1;
  return {
    sku: `TST-${String(skuCounter).padStart(4, '0')}`,
    name: `Test Laptop ${skuCounter}`,
    description: 'A laptop made for tests.',
    price: { amount: 129_900, currency: 'USD' },
    categoryId: laptops.id,
    weight: 1_250,
    ...overrides,
  };
}

async function create(input: Record<string, unknown>, token = h.adminToken): Promise<GraphQLResponse<{ createProduct: ProductData }>> {
  return h.query<{ createProduct: ProductData }>(CREATE, { input }, token);
}

/** Every row of the products schema, to prove a failed mutation wrote nothing. */
async function snapshot(): Promise<unknown> {
  const connection = h.subgraph.orm.em.fork().getConnection();
  return {
    products: await connection.execute('select * from products.product order by id'),
    categories: await connection.execute('select * from products.category order by id'),
  };
}

beforeAll(async () => {
  h = await startProductsHarness();
});
afterAll(() => h?.stop());

describe('who may change the catalog', () => {
  it('refuses anonymous callers with UNAUTHENTICATED and customers with FORBIDDEN', async () => {
    const before = await snapshot();
    const mutations: Array<[string, Record<string, unknown>]> = [
      [CREATE, { input: newProduct() }],
      [UPDATE, { id: existing.id, input: { name: 'Hijacked' } }],
      [ARCHIVE, { id: existing.id }],
      ['mutation { createCategory(input: { name: "Hijacked" }) { id } }', {}],
    ];
    for (const [mutation, variables] of mutations) {
      expect(errorCodes(await h.query(mutation, variables))).toEqual(['UNAUTHENTICATED']);
      expect(errorCodes(await h.query(mutation, variables, h.customerToken))).toEqual(['FORBIDDEN']);
    }
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a token it cannot verify, even for a public read', async () => {
    const response = await h.query('{ products(first: 1) { totalCount } }', {}, h.foreignToken);
    expect(errorCodes(response)).toEqual(['UNAUTHENTICATED']);
    expect(response.data ?? null).toBeNull();
  });

  it('serves reads to anonymous callers and customers alike', async () => {
    const anonymous = await h.query('{ products(first: 1) { totalCount } }');
    const customer = await h.query('{ products(first: 1) { totalCount } }', {}, h.customerToken);
    expect(anonymous.errors).toBeUndefined();
    expect(customer.data).toEqual(anonymous.data);
  });
});

describe('createProduct', () => {
  it('adds a product with a slug made from its name, listed first among the newest', async () => {
    const input = newProduct({ name: 'Acme Ultrabook 14 (Café Edition)', price: { amount: 99_999, currency: 'EUR' } });
    const response = await create(input);
    expect(response.errors).toBeUndefined();
    const created = response.data!.createProduct;
    expect(created).toMatchObject({
      sku: input['sku'],
      name: 'Acme Ultrabook 14 (Café Edition)',
      slug: 'acme-ultrabook-14-cafe-edition',
      status: 'ACTIVE',
      weight: 1_250,
      price: { amount: 99_999, currency: 'EUR', formatted: '€999.99' },
      category: { id: laptops.id, name: 'Laptops' },
    });
    const newest = await h.query<{ products: { edges: Array<{ node: { id: string } }> } }>(
      '{ products(first: 1) { edges { node { id } } } }',
    );
    expect(newest.data?.products.edges[0]?.node.id).toBe(created.id);
    const bySlug = await h.query('query($slug: String) { product(slug: $slug) { id } }', { slug: created.slug });
    expect(bySlug.data).toEqual({ product: { id: created.id } });
  });

  it('keeps a slug the admin chose', async () => {
    const response = await create(newProduct({ slug: 'my-chosen-slug' }));
    expect(response.data?.createProduct.slug).toBe('my-chosen-slug');
  });

  it('gives a second product with the same name a slug that includes its SKU', async () => {
    const firstOne = await create(newProduct({ name: 'Twin Kettle' }));
    const secondOne = await create(newProduct({ name: 'Twin Kettle' }));
    expect(firstOne.data?.createProduct.slug).toBe('twin-kettle');
    expect(secondOne.data?.createProduct.slug).toBe(`twin-kettle-${secondOne.data!.createProduct.sku.toLowerCase()}`);
  });

  it('refuses a duplicate SKU with SKU_TAKEN and a duplicate chosen slug with SLUG_TAKEN', async () => {
    const before = await snapshot();
    const duplicateSku = await create(newProduct({ sku: existing.sku }));
    expect(errorCodes(duplicateSku)).toEqual(['SKU_TAKEN']);
    expect(duplicateSku.errors?.[0]?.extensions).toMatchObject({ field: 'sku' });
    expect(errorCodes(await create(newProduct({ slug: existing.slug })))).toEqual(['SLUG_TAKEN']);
    expect(await snapshot()).toEqual(before);
  });

  it('lets exactly one of two concurrent creates with the same SKU win', async () => {
    const sku = 'TST-RACE-0001';
    const results = await Promise.all([create(newProduct({ sku })), create(newProduct({ sku }))]);
    const outcomes = results.map((result) => (result.errors ? errorCodes(result)[0] : 'created')).sort();
    expect(outcomes).toEqual(['SKU_TAKEN', 'created']);
  });

  it.each<[string, string, Record<string, unknown>]>([
    ['a negative price', 'price.amount', { price: { amount: -1, currency: 'USD' } }],
    ['a price over 100,000,000 minor units', 'price.amount', { price: { amount: 100_000_001, currency: 'USD' } }],
    ['an unsupported currency', 'price.currency', { price: { amount: 1_000, currency: 'XYZ' } }],
    ['an empty name', 'name', { name: '   ' }],
    ['a name over 200 characters', 'name', { name: 'x'.repeat(201) }],
    ['a lowercase SKU', 'sku', { sku: 'abc-123' }],
    ['a too-short SKU', 'sku', { sku: 'AB' }],
    ['a SKU starting with a dash', 'sku', { sku: '-ABC' }],
    ['a negative weight', 'weight', { weight: -5 }],
    ['an unknown category', 'categoryId', { categoryId: '00000000-0000-4000-8000-000000000000' }],
    ['a malformed category id', 'categoryId', { categoryId: 'laptops' }],
    ['a slug with spaces', 'slug', { slug: 'Not A Slug' }],
  ])('refuses %s with BAD_USER_INPUT naming %s, writing nothing', async (_case, field, overrides) => {
    const before = await snapshot();
    const response = await create(newProduct(overrides));
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors?.[0]?.extensions?.['field']).toBe(field);
    expect(response.errors?.[0]?.message).toContain(field);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a non-integer price before it reaches the service', async () => {
    const response = await create(newProduct({ price: { amount: 19.99, currency: 'USD' } }));
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors?.[0]?.message).toContain('amount');
  });
});

describe('updateProduct', () => {
  it('changes only the given fields and moves updatedAt', async () => {
    const created = (await create(newProduct())).data!.createProduct;
    const response = await h.query<{ updateProduct: ProductData }>(
      UPDATE,
      { id: created.id, input: { name: 'Renamed Laptop', price: { amount: 119_900, currency: 'USD' }, categoryId: coffee.id } },
      h.adminToken,
    );
    expect(response.errors).toBeUndefined();
    const updated = response.data!.updateProduct;
    expect(updated).toMatchObject({
      id: created.id,
      sku: created.sku,
      name: 'Renamed Laptop',
      // The slug is kept, so links already shared keep working.
      slug: created.slug,
      weight: created.weight,
      price: { amount: 119_900, currency: 'USD', formatted: '$1,199.00' },
      category: { id: coffee.id, name: 'Coffee' },
    });
    expect(new Date(updated.updatedAt).getTime()).toBeGreaterThanOrEqual(new Date(created.updatedAt).getTime());
  });

  it('never changes a SKU: the schema has no such input, so the request is refused before anything runs', async () => {
    const created = (await create(newProduct())).data!.createProduct;
    const before = await snapshot();
    const response = await h.query(UPDATE, { id: created.id, input: { sku: 'NEW-SKU-1', name: 'Changed' } }, h.adminToken);
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors?.[0]?.message).toMatch(/sku/);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses invalid fields with BAD_USER_INPUT naming them, writing nothing', async () => {
    const before = await snapshot();
    const invalid = [{ price: { amount: -10, currency: 'USD' } }, { weight: -1 }, { name: '' }];
    for (const input of invalid) {
      const response = await h.query(UPDATE, { id: existing.id, input }, h.adminToken);
      expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    }
    expect(await snapshot()).toEqual(before);
  });

  it('answers NOT_FOUND for an unknown product', async () => {
    for (const id of ['00000000-0000-4000-8000-000000000000', 'nope']) {
      const response = await h.query(UPDATE, { id, input: { name: 'Ghost' } }, h.adminToken);
      expect(errorCodes(response)).toEqual(['NOT_FOUND']);
    }
  });
});

describe('archiveProduct', () => {
  it('takes the product out of listings while it still resolves by id, SKU and reference', async () => {
    const created = (await create(newProduct({ name: 'Soon Archived Laptop' }))).data!.createProduct;
    const countQuery = `query($filter: ProductFilter) { products(filter: $filter) { totalCount edges { node { id } } } }`;
    const filter = { categoryId: laptops.id };
    const listed = await h.query<{ products: { totalCount: number; edges: Array<{ node: { id: string } }> } }>(countQuery, { filter });

    const archived = await h.query(ARCHIVE, { id: created.id }, h.adminToken);
    expect(archived.data).toEqual({ archiveProduct: { id: created.id, status: 'ARCHIVED' } });

    const after = await h.query<{ products: { totalCount: number; edges: Array<{ node: { id: string } }> } }>(countQuery, { filter });
    expect(after.data?.products.totalCount).toBe(listed.data!.products.totalCount - 1);
    expect(after.data?.products.edges.map((edge) => edge.node.id)).not.toContain(created.id);

    const references = await h.query(
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Product { id status } } }',
      { r: [{ __typename: 'Product', id: created.id }, { __typename: 'Product', sku: created.sku }] },
    );
    expect(references.data).toEqual({
      _entities: [
        { id: created.id, status: 'ARCHIVED' },
        { id: created.id, status: 'ARCHIVED' },
      ],
    });
  });

  it('is harmless twice, and NOT_FOUND for an unknown product', async () => {
    const created = (await create(newProduct())).data!.createProduct;
    await h.query(ARCHIVE, { id: created.id }, h.adminToken);
    expect((await h.query(ARCHIVE, { id: created.id }, h.adminToken)).data).toEqual({
      archiveProduct: { id: created.id, status: 'ARCHIVED' },
    });
    expect(errorCodes(await h.query(ARCHIVE, { id: '00000000-0000-4000-8000-000000000000' }, h.adminToken))).toEqual(['NOT_FOUND']);
  });
});
