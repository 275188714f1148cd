import { graphql, buildSchema, type GraphQLResolveInfo } from 'graphql';
import { selects } from '../selection';

const schema = buildSchema(`
  type Category { name: String }
  type Node { name: String, category: Category }
  type Edge { cursor: String, node: Node }
  type Connection { totalCount: Int, edges: [Edge] }
  type Query { products: Connection }
`);

/** What `selects` answers for each path, in the resolver of `products` for `document`. */
async function answers(document: string, paths: string[][]): Promise<boolean[]> {
  let seen: boolean[] = [];
  const result = await graphql({
    schema,
    source: document,
    rootValue: {
      products: (_args: unknown, _context: unknown, info: GraphQLResolveInfo) => {
        seen = paths.map((path) => selects(info, path));
        return { totalCount: 0, edges: [] };
      },
    },
  });
  expect(result.errors).toBeUndefined();
  return seen;
}

const PATHS = [['totalCount'], ['edges', 'node', 'category'], ['edges', 'cursor']];

describe('selects', () => {
  it('follows plain fields', async () => {
    expect(await answers('{ products { totalCount edges { node { category { name } } } } }', PATHS)).toEqual([true, true, false]);
    expect(await answers('{ products { edges { node { name } } } }', PATHS)).toEqual([false, false, false]);
  });

  it('sees through aliases, inline fragments and named fragments (also spread twice)', async () => {
    const document = `
      query { products { count: totalCount ... on Connection { edges { ...EdgeFields } } edges { ...EdgeFields } } }
      fragment EdgeFields on Edge { c: cursor node { ... { category { name } } } }`;
    expect(await answers(document, PATHS)).toEqual([true, true, true]);
  });

  it('counts a field behind @skip as selected (a prefetch at worst, never a missing answer)', async () => {
    expect(await answers('{ products { totalCount @skip(if: true) } }', [['totalCount']])).toEqual([true]);
  });
});
