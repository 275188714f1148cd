import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControl } from '@apollo/server/plugin/cacheControl';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { CACHE_CONTROL_DEFINITIONS } from '../cache-control';
import { CACHE_TAGS_HEADER, cacheTagsPlugin, taggedTypeNames } from '../cache-tags-plugin';

const PRODUCT = { id: 'AB0E6F3C-0000-4000-8000-000000000001', name: 'Kettle', price: { amount: 1999 } };
const typeDefs = parse(`
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@inaccessible"])
  ${CACHE_CONTROL_DEFINITIONS}
  type Query {
    products(first: Int): [Product!]! @cacheControl(maxAge: 60)
    me: User
    product(id: ID!): Product
  }
  type Mutation { rename(id: ID!, name: String!): Product! }
  type Product @key(fields: "id") @cacheControl(maxAge: 60) { id: ID! name: String! price: Money! }
  type Money @cacheControl(inheritMaxAge: true) { amount: Int! }
  type User @key(fields: "id") @cacheControl(scope: PRIVATE) { id: ID! email: String! }
`);

function server() {
  const schema = buildSubgraphSchema([
    {
      typeDefs,
      resolvers: {
        Query: {
          products: (_: unknown, { first }: { first?: number }) =>
            Array.from({ length: first ?? 1 }, (_x, i) => ({ ...PRODUCT, id: `${PRODUCT.id.slice(0, -3)}${String(i).padStart(3, '0')}` })),
          me: () => ({ id: 'u1', email: 'ada@example.com' }),
          product: () => PRODUCT,
        },
        Mutation: { rename: () => PRODUCT },
        Product: { __resolveReference: () => PRODUCT },
      } as never,
    },
  ]);
  return new ApolloServer({ schema, plugins: [ApolloServerPluginCacheControl({ defaultMaxAge: 0 }), cacheTagsPlugin('products')] });
}

async function run(query: string) {
  const apollo = server();
  await apollo.start();
  try {
    const response = await apollo.executeOperation({ query });
    return { tags: response.http.headers.get(CACHE_TAGS_HEADER) ?? null, cacheControl: response.http.headers.get('cache-control') };
  } finally {
    await apollo.stop();
  }
}

describe('cache tags of a subgraph response', () => {
  it('tags entity types keyed by id that declare a max age, and nothing else', () => {
    const schema = buildSubgraphSchema([{ typeDefs, resolvers: {} as never }]);
    expect([...taggedTypeNames(schema)]).toEqual(['Product']);
  });

  it('lists the root field and every product a cacheable listing read, ids lower-cased', async () => {
    const { tags, cacheControl } = await run('{ products(first: 2) { name price { amount } } }');
    expect(cacheControl).toBe('max-age=60, public');
    expect(tags?.split(' ').sort()).toEqual([
      'products:Product:ab0e6f3c-0000-4000-8000-000000000000',
      'products:Product:ab0e6f3c-0000-4000-8000-000000000001',
      'products:Query.products',
    ]);
  });

  it('tags an entity fetch by its entities, not by the _entities field', async () => {
    const { tags } = await run(`{ _entities(representations: [{ __typename: "Product", id: "${PRODUCT.id}" }]) { ... on Product { name } } }`);
    expect(tags).toBe(`products:Product:${PRODUCT.id.toLowerCase()}`);
  });

  it('sends no tags for an answer that cannot be cached (private, or mixing private with public)', async () => {
    expect(await run('{ me { email } }')).toEqual({ tags: null, cacheControl: 'no-store' });
    expect(await run('{ me { email } products { name } }')).toEqual({ tags: null, cacheControl: 'no-store' });
  });

  it("tags a mutation's answer, so the gateway can drop what it changed at once", async () => {
    // (Apollo computes a policy for a mutation too; the gateway never caches one, whatever it says.)
    const { tags } = await run(`mutation { rename(id: "${PRODUCT.id}", name: "Kettle 2") { name } }`);
    expect(tags?.split(' ').sort()).toEqual([`products:Product:${PRODUCT.id.toLowerCase()}`, 'products:Query']);
  });

  it('collapses a list too long for a header into one tag for everything the subgraph holds', async () => {
    const { tags } = await run('{ products(first: 200) { name } }');
    expect(tags).toBe('products:*');
  });
});
