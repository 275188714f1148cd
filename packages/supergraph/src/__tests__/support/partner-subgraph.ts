import { buildSubgraphSchema } from '@apollo/subgraph';
import { createLogger, createSubgraphServer, type GraphQLHttpServer } from '@techally/platform';
import { parse, type GraphQLSchema } from 'graphql';

/**
 * A test-only subgraph that knows products only by SKU, as a partner's catalogue would. It makes the gateway
 * fetch Product through its second key (`@key(fields: "sku")`), which no production subgraph does yet.
 */
const typeDefs = parse(`
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
  type Query { partnerListings: [PartnerListing!]! }
  type PartnerListing { headline: String! product: Product! }
  type Product @key(fields: "sku", resolvable: false) { sku: String! }
`);

/** The partner subgraph's schema (composition needs it without a server). */
export function partnerSchema(featuredSkus: () => string[] = () => []): GraphQLSchema {
  const resolvers = {
    Query: {
      partnerListings: () => featuredSkus().map((sku) => ({ headline: `Partner deal on ${sku}`, product: { sku } })),
    },
  };
  return buildSubgraphSchema([{ typeDefs, resolvers }]);
}

export async function startPartnerSubgraph(featuredSkus: () => string[]): Promise<{ url: string; server: GraphQLHttpServer }> {
  const server = await createSubgraphServer({
    name: 'partner',
    schema: partnerSchema(featuredSkus),
    logger: createLogger({ name: 'partner', level: 'silent' }),
    createContext: async (request) => ({ ...request }),
    isReady: async () => true,
    processMetrics: false,
  });
  return { url: await server.listen(0), server };
}
