import { entitiesQuery, errorCodes, errorCodesByPath, malformedRepresentations, NUL } from '@techally/testing';
import { startProductsHarness, type ProductsHarness } from './products-harness';

// Issue #9: a NUL character reached PostgreSQL, which cannot hold it in text, and the driver's error came back
// as INTERNAL_SERVER_ERROR; a malformed `_entities` representation did too. Both are BAD_USER_INPUT.

let h: ProductsHarness;

beforeAll(async () => {
  h = await startProductsHarness({ seed: false });
});
afterAll(() => h?.stop());

describe('a NUL character', () => {
  it('in product(slug) is BAD_USER_INPUT naming slug, and the value is not repeated', async () => {
    const response = await h.query('query($slug: String) { product(slug: $slug) { id } }', { slug: `sony${NUL}` });
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors![0]!.extensions).toMatchObject({ field: 'slug' });
    expect(JSON.stringify(response)).not.toContain('sony');
  });

  it('in products(filter.search) is BAD_USER_INPUT naming filter.search', async () => {
    const response = await h.query('query($filter: ProductFilter) { products(filter: $filter) { totalCount } }', { filter: { search: `a${NUL}b` } });
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors![0]!.extensions).toMatchObject({ field: 'filter.search' });
  });

  it('written in the document itself is BAD_USER_INPUT too', async () => {
    const response = await h.query('{ products(filter: { search: "\\u0000" }) { totalCount } }');
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
  });
});

describe('_entities called directly', () => {
  it('answers BAD_USER_INPUT for an unknown __typename and malformed Product and Category ids', async () => {
    const response = await h.query(entitiesQuery('... on Product { id } ... on Category { id }'), {
      representations: [...malformedRepresentations('Product'), { __typename: 'Category', id: 'laptops' }, { __typename: 'Product', sku: 'NO-SUCH-SKU' }],
    });
    expect(errorCodesByPath(response)).toEqual({ '_entities.0': 'BAD_USER_INPUT', '_entities.1': 'BAD_USER_INPUT', '_entities.2': 'BAD_USER_INPUT' });
    expect(response.data).toEqual({ _entities: [null, null, null, null] });
  });
});
