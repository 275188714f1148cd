import { dirname } from 'node:path';
import { LocalCompose } from '@apollo/gateway';
import type { JWTVerifyGetKey } from '@techally/platform';
import type { DocumentNode, GraphQLSchema } from 'graphql';

/**
 * @apollo/subgraph builds the test subgraphs and jose makes a local key set. The gateway never builds a
 * subgraph nor reads a JWK itself, so it declares neither; @techally/testing does. Resolve them from there,
 * through jest's own require so graphql stays one module instance.
 */
function fromTestingPackage<Module>(name: string): Module {
  return require(require.resolve(name, { paths: [dirname(require.resolve('@techally/testing'))] })) as Module;
}

const subgraphModule = fromTestingPackage<{
  buildSubgraphSchema(modules: Array<{ typeDefs: DocumentNode; resolvers?: unknown }>): GraphQLSchema;
}>('@apollo/subgraph');
const jose = fromTestingPackage<{ createLocalJWKSet(jwks: { keys: unknown[] }): JWTVerifyGetKey }>('jose');

/** The keys an issuer publishes, as a verifier takes them (no JWKS server in these tests). */
export const localKeySet = (publicJwk: unknown): JWTVerifyGetKey => jose.createLocalJWKSet({ keys: [publicJwk] });

export const buildSubgraphSchema = (typeDefs: DocumentNode, resolvers: unknown): GraphQLSchema =>
  subgraphModule.buildSubgraphSchema([{ typeDefs, resolvers }]);

/** Composes a supergraph with @apollo/composition, through the gateway's own LocalCompose. */
export async function composeSupergraph(services: ReadonlyArray<{ name: string; url: string; typeDefs: DocumentNode }>): Promise<string> {
  const { supergraphSdl } = await new LocalCompose({ localServiceList: [...services] }).initialize({
    update: () => undefined,
    healthCheck: async () => undefined,
    getDataSource: () => ({ process: async () => ({}) }),
  });
  return supergraphSdl;
}
