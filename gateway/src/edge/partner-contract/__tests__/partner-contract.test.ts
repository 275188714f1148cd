import { Supergraph } from '@apollo/federation-internals';
import { printSchema } from 'graphql';
import { partnerContract, PartnerContractError } from '../partner-contract';
import { supergraphOf } from './compose-for-tests';

const contractOf = async (...subgraphs: string[]) => printSchema(partnerContract(await supergraphOf(...subgraphs)).apiSchema);

async function problemsOf(...subgraphs: string[]): Promise<string> {
  const supergraph = await supergraphOf(...subgraphs);
  try {
    partnerContract(supergraph);
  } catch (error) {
    expect(error).toBeInstanceOf(PartnerContractError);
    return (error as PartnerContractError).problems.join('\n');
  }
  throw new Error('expected the contract to be refused');
}

describe('the partner contract of a supergraph', () => {
  it('keeps the tagged fields and drops the rest, and the types left empty or out of reach', async () => {
    const sdl = await contractOf(`
      type Query { product(id: ID! @tag(name: "partner")): Product @tag(name: "partner")  me: User }
      type Product @key(fields: "id") { id: ID! @tag(name: "partner")  name: String! @tag(name: "partner")  cost: Int! }
      type User { id: ID!  email: String! }
      type Mutation { deleteProduct(id: ID!): Boolean }
      type Orphan { note: String @tag(name: "partner") }
    `);
    expect(sdl).toBe(`type Product {
  id: ID!
  name: String!
}

type Query {
  product(id: ID!): Product
}`);
  });

  it('takes a tag on a type for a tag on each of its members (fields, input fields, enum values)', async () => {
    const sdl = await contractOf(`
      type Query { page(filter: Filter @tag(name: "partner"), sort: Sort @tag(name: "partner")): PageInfo @tag(name: "partner") }
      type PageInfo @tag(name: "partner") @shareable { hasNextPage: Boolean!  endCursor: String }
      input Filter @tag(name: "partner") { search: String  minPrice: Int }
      enum Sort @tag(name: "partner") { NEWEST  CHEAPEST }
    `);
    expect(sdl).toContain('hasNextPage: Boolean!\n  endCursor: String');
    expect(sdl).toContain('search: String\n  minPrice: Int');
    expect(sdl).toContain('NEWEST\n  CHEAPEST');
  });

  it('drops the arguments, input fields and enum values that are not tagged', async () => {
    const sdl = await contractOf(`
      type Query { list(first: Int @tag(name: "partner"), internalOnly: Boolean, filter: Filter @tag(name: "partner"), sort: Sort @tag(name: "partner")): [String!] @tag(name: "partner") }
      input Filter { search: String @tag(name: "partner")  costBelow: Int }
      enum Sort { NEWEST @tag(name: "partner")  BEST_MARGIN }
    `);
    expect(sdl).toContain('list(first: Int, filter: Filter, sort: Sort): [String!]');
    expect(sdl).not.toMatch(/internalOnly|costBelow|BEST_MARGIN/);
  });

  it('keeps the implementations an included interface can return, and drops those left with no field', async () => {
    const sdl = await contractOf(`
      type Query { node(id: ID! @tag(name: "partner")): Node @tag(name: "partner") }
      interface Node { id: ID! @tag(name: "partner") }
      type Product implements Node { id: ID! @tag(name: "partner")  name: String @tag(name: "partner") }
      type Secret implements Node { id: ID! }
    `);
    expect(sdl).toContain('type Product implements Node');
    expect(sdl).not.toContain('Secret');
  });

  it('keeps the members of a union that still have fields, and only those', async () => {
    const sdl = await contractOf(`
      type Query { search(text: String! @tag(name: "partner")): [Result!]! @tag(name: "partner") }
      union Result = Product | Order
      type Product { name: String @tag(name: "partner") }
      type Order { total: Int }
    `);
    expect(sdl).toContain('union Result = Product');
    expect(sdl).not.toContain('Order');
  });

  it('is itself a supergraph a gateway can load: the API schema is the contract, the planner has every field', async () => {
    const contract = partnerContract(
      await supergraphOf(`
        type Query { product: Product @tag(name: "partner") }
        type Product @key(fields: "id") { id: ID!  name: String @tag(name: "partner") }
      `),
    );
    const supergraph = Supergraph.build(contract.supergraphSdl);
    expect(supergraph.schema.type('Product')?.toString()).toBe('Product');
    expect(printSchema(supergraph.apiSchema().toGraphQLJSSchema())).toBe(printSchema(contract.apiSchema));
    expect(printSchema(contract.apiSchema)).not.toContain('id: ID!');
  });

  describe('refuses tags that make no valid contract, naming the problem', () => {
    it('a tagged field returning a type none of whose fields is tagged', async () => {
      expect(
        await problemsOf(`
          type Query { product: Product @tag(name: "partner") }
          type Product { name: String }
        `),
      ).toMatch(/Product.*Query\.product/);
    });

    it('a tagged field with a required argument that is not tagged', async () => {
      expect(
        await problemsOf(`
          type Query { product(id: ID!): String @tag(name: "partner") }
        `),
      ).toContain('Query.product(id:)');
    });

    it('a tagged interface field whose implementation is not tagged', async () => {
      expect(
        await problemsOf(`
          type Query { node: Node @tag(name: "partner") }
          interface Node { id: ID! @tag(name: "partner") }
          type Product implements Node { id: ID!  name: String @tag(name: "partner") }
        `),
      ).toContain('Product.id');
    });

    it('no query field tagged', async () => {
      expect(await problemsOf('type Query { me: User }  type User { name: String @tag(name: "partner") }')).toContain('no field of the query type');
    });
  });

  it('tells a supergraph that tags nothing (a graph without partners) from one whose tags are wrong', async () => {
    const untagged = await supergraphOf('type Query { me: String }');
    expect(() => partnerContract(untagged)).toThrow(expect.objectContaining({ reason: 'untagged' }));
    const wrong = await supergraphOf('type Query { me: User }  type User { name: String @tag(name: "partner") }');
    expect(() => partnerContract(wrong)).toThrow(expect.objectContaining({ reason: 'invalid' }));
  });
});
