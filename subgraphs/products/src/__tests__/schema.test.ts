import { graphql } from 'graphql';
import { buildProductsSchema } from '..';

// buildProductsSchema needs no database and no configuration: the compose script prints SDL from it.
describe('the products subgraph schema', () => {
  let sdl: string;

  beforeAll(async () => {
    // What the composition tooling reads: the subgraph's own `_service.sdl`.
    const result = await graphql({ schema: await buildProductsSchema(), source: '{ _service { sdl } }' });
    sdl = (result.data as { _service: { sdl: string } })._service.sdl;
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
    expect(sdl).toContain('product(id: ID, slug: String): Product');
    expect(sdl).toContain('category(id: ID, slug: String): Category');
    expect(sdl).toContain('categories: [Category!]!');
    expect(sdl).toMatch(/products\(\s*"""[^"]*"""\s*first: Int = 20\s*"""[^"]*"""\s*after: String\s*filter: ProductFilter\s*sort: ProductSort = NEWEST\s*\): ProductConnection!/);
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
      expect(sdl).toContain(field);
    }
    expect(sdl).toMatch(/enum ProductSort \{[^}]*NEWEST[^}]*PRICE_ASC[^}]*PRICE_DESC[^}]*NAME_ASC[^}]*\}/);
  });
});
