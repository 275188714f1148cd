import { LocalCompose } from '@apollo/gateway';
import { buildSubgraphSchema as buildSubgraph } from '@apollo/subgraph';
import type { JWTVerifyGetKey } from '@techally/platform';
import type { DocumentNode, GraphQLSchema } from 'graphql';
import { createLocalJWKSet } from 'jose';

/** The keys an issuer publishes, as a verifier takes them (no JWKS server in these tests). */
export const localKeySet = (publicJwk: unknown): JWTVerifyGetKey => createLocalJWKSet({ keys: [publicJwk as never] });

export const buildSubgraphSchema = (typeDefs: DocumentNode, resolvers: unknown): GraphQLSchema =>
  buildSubgraph([{ typeDefs, resolvers: resolvers as never }]);

/** Composes a supergraph with @apollo/composition, through the gateway's own LocalCompose. */
export async function composeSupergraph(services: ReadonlyArray<{ name: string; url: string; typeDefs: DocumentNode }>): Promise<string> {
  const { supergraphSdl } = await new LocalCompose({ localServiceList: [...services] }).initialize({
    update: () => undefined,
    healthCheck: async () => undefined,
    getDataSource: () => ({ process: async () => ({}) }),
  });
  return supergraphSdl;
}
