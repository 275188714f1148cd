import { graphql } from 'graphql';
import { buildProductsSchema } from '..';

// buildProductsSchema needs no database and no configuration: the compose script prints SDL from it.
describe('the products subgraph schema', () => {
  let sdl: string;
  /** The SDL without the partner tags, for the assertions about signatures (the tags have a test of their own). */
  let untagged: string;

  beforeAll(async () => {
    // What the composition tooling reads: the subgraph's own `_service.sdl`.
    const result = await graphql({ schema: await buildProductsSchema(), source: '{ _service { sdl } }' });
    sdl = (result.data as { _service: { sdl: string } })._service.sdl;
    untagged = sdl.replace(/\s*@tag\(name: "partner"\)/g, '');
  });

  it('links federation and keys Product by id and by sku, Category by id', () => {
    expect(sdl).toContain('@link(url: "https://specs.apollo.dev/federation/v2.7"');
    expect(sdl).toMatch(/type Product\s+@key\(fields: "id"\)\s+@key\(fields: "sku"\)/);
    expect(sdl).toMatch(/type Category\s+@key\(fields: "id"\)/);
  });

  it('shares Money and PageInfo with the other subgraphs', () => {
    expect(sdl).toMatch(/type Money\s+@shareable/);
    expect(sdl).toMatch(/type PageInfo\s+@shareable/);
  });

  it('offers the catalog queries with their documented arguments', () => {
    expect(untagged).toContain('product(id: ID, slug: String): Product');
    expect(untagged).toContain('category(id: ID, slug: String): Category');
    expect(untagged).toContain('categories: [Category!]!');
    expect(untagged).toMatch(/products\(\s*"""[^"]*"""\s*first: Int = 20\s*"""[^"]*"""\s*after: String\s*filter: ProductFilter\s*sort: ProductSort = NEWEST\s*\): ProductConnection!/);
  });

  it('offers the admin mutations', () => {
    expect(sdl).toContain('createProduct(input: CreateProductInput!): Product!');
    expect(sdl).toContain('updateProduct(id: ID!, input: UpdateProductInput!): Product!');
    expect(sdl).toContain('archiveProduct(id: ID!): Product!');
    expect(sdl).toContain('createCategory(input: CreateCategoryInput!): Category!');
  });

  it('describes the product as the contract says', () => {
    for (const field of [
      'id: ID!',
      'sku: String!',
      'slug: String!',
      'description: String!',
      'price: Money!',
      'category: Category!',
      'weight: Int!',
      'status: ProductStatus!',
      'createdAt: DateTime!',
      'updatedAt: DateTime!',
    ]) {
      expect(untagged).toContain(field);
    }
    expect(untagged).toMatch(/enum ProductSort\s*\{[^}]*NEWEST[^}]*PRICE_ASC[^}]*PRICE_DESC[^}]*NAME_ASC[^}]*\}/);
  });

  it('tags the catalogue reads for the partner contract, never the admin mutations', () => {
    for (const field of ['product(id: ID @tag(name: "partner"), slug: String @tag(name: "partner")): Product @tag(name: "partner")', 'categories: [Category!]! @tag(name: "partner")']) {
      expect(sdl).toContain(field);
    }
    expect(sdl).toMatch(/enum ProductSort\s+@tag\(name: "partner"\)/);
    expect(sdl).not.toMatch(/(createProduct|updateProduct|archiveProduct|createCategory)\([^)]*\)[^\n]*@tag/);
  });
});
