import { buildSubgraphSchema } from '@apollo/subgraph';
import { createLogger, createSubgraphServer, DomainError, type GraphQLHttpServer } from '@techally/platform';
import { postGraphQL } from '@techally/testing';
import { parse } from 'graphql';
import { createGateway, type Gateway } from '../app';
import { loadGatewayConfig } from '../config';
import { composeSupergraph } from '../subscriptions/__tests__/support/federation';

// The gateway merges a request's fetches to one subgraph (fetch/fetch-coalescer): through the real executor, a
// client must get exactly the answer — data, errors, paths, codes — it gets with merging off, in fewer requests.
const PRODUCTS = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.0", import: ["@key"])
  type Query { top: [Product!]!  latest: [Product!]! }
  type Product @key(fields: "id") { id: ID!  name: String! }`;
const REVIEWS = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.0", import: ["@key"])
  type Product @key(fields: "id") { id: ID!  rating: Float  hiddenNote: String }`;

const QUERY = `query Listing { top { id name rating hiddenNote } latest { id rating } }`;

const silent = createLogger({ name: 'test', level: 'silent' });
const requestsTo = { products: 0, reviews: 0 };
const servers: GraphQLHttpServer[] = [];
const gateways: Gateway[] = [];
let mergedUrl: string;
let unmergedUrl: string;

async function subgraph(name: keyof typeof requestsTo, sdl: string, resolvers: Record<string, unknown>): Promise<string> {
  const server = await createSubgraphServer({
    name,
    schema: buildSubgraphSchema([{ typeDefs: parse(sdl), resolvers: resolvers as never }]),
    logger: silent,
    createContext: async (request) => {
      requestsTo[name] += 1;
      return { ...request };
    },
    isReady: async () => true,
    processMetrics: false,
  });
  servers.push(server);
  return server.listen(0);
}

async function gateway(supergraphSdl: string, env: Record<string, string>): Promise<string> {
  const started = await createGateway(loadGatewayConfig({ LOG_LEVEL: 'silent', ...env }), { logger: silent, supergraphSdl });
  gateways.push(started);
  return started.listen(0);
}

beforeAll(async () => {
  const productsUrl = await subgraph('products', PRODUCTS, {
    Query: { top: () => [{ id: '1' }, { id: '2' }, { id: '3' }], latest: () => [{ id: '3' }, { id: '2' }] },
    Product: { __resolveReference: ({ id }: { id: string }) => ({ id }), name: ({ id }: { id: string }) => `product ${id}` },
  });
  const reviewsUrl = await subgraph('reviews', REVIEWS, {
    Product: {
      __resolveReference: ({ id }: { id: string }) => ({ id }),
      rating: ({ id }: { id: string }) => {
        if (id === '2') throw DomainError.forbidden('Ratings of product 2 are not public.');
        return Number(id) + 0.5;
      },
      hiddenNote: () => null,
    },
  });
  const supergraphSdl = await composeSupergraph([
    { name: 'products', url: productsUrl, typeDefs: parse(PRODUCTS) },
    { name: 'reviews', url: reviewsUrl, typeDefs: parse(REVIEWS) },
  ]);
  mergedUrl = await gateway(supergraphSdl, {});
  unmergedUrl = await gateway(supergraphSdl, { GATEWAY_MERGE_FETCHES: 'false' });
});

afterAll(async () => {
  for (const started of gateways) await started.stop();
  for (const server of servers) await server.stop();
});

async function countedQuery(url: string) {
  requestsTo.products = 0;
  requestsTo.reviews = 0;
  const response = await postGraphQL(url, QUERY);
  return { response, requests: { ...requestsTo } };
}

describe('merged fetches through the gateway', () => {
  it('answers exactly as without merging — data, errors, their paths and codes — in fewer subgraph requests', async () => {
    const unmerged = await countedQuery(unmergedUrl);
    const merged = await countedQuery(mergedUrl);

    expect(merged.response).toEqual(unmerged.response);
    expect(unmerged.requests).toEqual({ products: 1, reviews: 2 });
    expect(merged.requests).toEqual({ products: 1, reviews: 1 });

    expect(merged.response.data).toMatchObject({
      top: [
        { id: '1', name: 'product 1', rating: 1.5 },
        { id: '2', name: 'product 2', rating: null },
        { id: '3', name: 'product 3', rating: 3.5 },
      ],
      latest: [
        { id: '3', rating: 3.5 },
        { id: '2', rating: null },
      ],
    });
    expect(merged.response.errors?.map((error) => [error.path, error.extensions?.['code']]).sort()).toEqual(
      [
        [['latest', 1, 'rating'], 'FORBIDDEN'],
        [['top', 1, 'rating'], 'FORBIDDEN'],
      ].sort(),
    );
  });
});
