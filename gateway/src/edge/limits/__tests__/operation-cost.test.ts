import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildSchema, parse } from 'graphql';
import { DEFAULT_LIST_SIZE, operationCost } from '../operation-cost';

const schema = buildSchema(`
  type Query {
    product(id: ID!): Product
    products(first: Int = 20, last: Int): ProductConnection!
    categories: [Category!]!
    search: [SearchResult!]!
  }
  type ProductConnection { edges: [ProductEdge!]! nodes: [Product!]! pageInfo: PageInfo! totalCount: Int! }
  type ProductEdge { cursor: String! node: Product! }
  type PageInfo { hasNextPage: Boolean! endCursor: String }
  type Product { id: ID! name: String! tags: [String!]! category: Category reviews(first: Int = 10): ReviewConnection! }
  type Category { id: ID! name: String! }
  type ReviewConnection { edges: [ReviewEdge!]! }
  type ReviewEdge { node: Review! }
  type Review { id: ID! author: User! }
  type User { id: ID! reviews(first: Int): ReviewConnection! }
  union SearchResult = Product | Category
`);

const cost = (query: string, variables?: Record<string, unknown>, operationName?: string, defaultListSize?: number) =>
  operationCost(schema, parse(query), variables, operationName, { defaultListSize });

describe('operationCost: the most objects an answer can hold', () => {
  it('counts each object once, scalars and __typename free', () => {
    expect(cost('{ product(id: "1") { id name tags __typename } }')).toBe(1);
    expect(cost('{ __typename }')).toBe(0);
  });

  it('multiplies a connection’s edges by its first, and not its pageInfo', () => {
    // products 1 + pageInfo 1 + 5 edges × (edge 1 + node 1)
    expect(cost('{ products(first: 5) { totalCount pageInfo { hasNextPage } edges { cursor node { id } } } }')).toBe(12);
    expect(cost('{ products(first: 3) { nodes { id } } }')).toBe(4);
    expect(cost('{ products(last: 6) { nodes { id } } }')).toBe(7);
  });

  it('takes the argument’s default from the schema when the operation gives none', () => {
    expect(cost('{ products { nodes { id } } }')).toBe(1 + 20);
  });

  it('gives a list that nothing bounds the default list size', () => {
    expect(cost('{ categories { id } }')).toBe(DEFAULT_LIST_SIZE);
    expect(cost('{ categories { id } }', {}, undefined, 3)).toBe(3);
  });

  it('multiplies nested lists', () => {
    // products 1 + 2 × (edge 1 + node 1 + reviews 1 + 3 × (edge 1 + review 1))
    expect(cost('{ products(first: 2) { edges { node { reviews(first: 3) { edges { node { id } } } } } } }')).toBe(19);
  });

  it('reads first from the variables, then the variable’s default, then the schema’s', () => {
    const query = 'query Page($n: Int) { products(first: $n) { nodes { id } } }';
    expect(cost(query, { n: 7 })).toBe(8);
    expect(cost(query, {})).toBe(21);
    expect(cost(query, { n: 'many' })).toBe(21); // not a whole number: execution refuses it, the default counts
    expect(cost('query Page($n: Int = 4) { products(first: $n) { nodes { id } } }', {})).toBe(5);
  });

  it('counts fragments, named and inline, like the fields they stand for', () => {
    const inline = '{ products(first: 5) { edges { node { id category { id } } } } }';
    const named = `{ products(first: 5) { ...Page } }
      fragment Page on ProductConnection { edges { node { ...Item } } }
      fragment Item on Product { id ... on Product { category { id } } }`;
    expect(cost(named)).toBe(cost(inline));
    expect(cost(named)).toBe(16);
  });

  it('passes a connection’s page size through a fragment spread on it', () => {
    const query = '{ products(first: 4) { ...Edges } } fragment Edges on ProductConnection { edges { node { id } } }';
    expect(cost(query)).toBe(1 + 4 * 2);
  });

  it('counts every branch of an abstract type (an upper bound)', () => {
    expect(cost('{ search { ... on Product { category { id } } ... on Category { id } } }')).toBe(DEFAULT_LIST_SIZE * 2);
  });

  it('obeys @skip and @include when their condition is known', () => {
    const query = 'query Two($skip: Boolean!) { a: product(id: "1") { id } b: product(id: "2") @skip(if: $skip) { id } }';
    expect(cost(query, { skip: true })).toBe(1);
    expect(cost(query, { skip: false })).toBe(2);
    expect(cost('{ product(id: "1") @include(if: false) { id } }')).toBe(0);
  });

  it('picks the named operation, and is 0 for a name the document does not have', () => {
    const document = 'query A { product(id: "1") { id } } query B { categories { id } }';
    expect(cost(document, {}, 'B')).toBe(DEFAULT_LIST_SIZE);
    expect(cost(document, {}, 'C')).toBe(0);
  });

  it('stays linear on a fragment that doubles at each level (a bomb for a naive walk)', () => {
    const levels = 40;
    const fragments = Array.from({ length: levels }, (_, i) =>
      i === levels - 1
        ? `fragment F${i} on Product { id }`
        : `fragment F${i} on Product { category { id } ...F${i + 1} ... on Product { ...F${i + 1} } }`,
    );
    expect(cost(`{ product(id: "1") { ...F0 } } ${fragments.join(' ')}`)).toBe(2 ** (levels - 1));
  });

  it('never answers more than Number.MAX_SAFE_INTEGER', () => {
    const huge = 'first: 2000000000';
    expect(cost(`{ products(${huge}) { nodes { reviews(${huge}) { edges { node { author { reviews(${huge}) { edges { node { id } } } } } } } } } }`)).toBe(
      Number.MAX_SAFE_INTEGER,
    );
  });

  it('prices the issue’s cost bomb on the real API schema in the millions', () => {
    const api = buildSchema(readFileSync(resolve(__dirname, '../../../../../schema/api.graphql'), 'utf8'));
    const bomb = parse(`{ products(first: 100) { edges { node { reviews(first: 100) { edges { node {
      author { reviews(first: 100) { edges { node { id body } } } } } } } } } } }`);
    expect(operationCost(api, bomb, {}, undefined)).toBeGreaterThan(1_000_000);
  });
});
