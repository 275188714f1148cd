import { composeServices } from '@apollo/composition';
import { printSubgraphSchema } from '@apollo/subgraph';
import { parse, printSchema } from 'graphql';
import type { SubgraphDefinition } from './subgraph-registry';

export interface ComposedGraph {
  /** Each subgraph's SDL as the gateway will fetch it (`_service { sdl }`), by name. */
  readonly subgraphSdl: ReadonlyMap<string, string>;
  /** The supergraph the gateway executes. */
  readonly supergraphSdl: string;
  /** The client-facing schema: what codegen and client developers see (no federation internals, no @inaccessible). */
  readonly apiSdl: string;
  readonly hints: ReadonlyArray<string>;
}

export class CompositionError extends Error {
  override readonly name = 'CompositionError';
  constructor(readonly problems: ReadonlyArray<string>) {
    super(`Composition failed with ${problems.length} error(s):\n\n${problems.map((p) => `  ✗ ${p}`).join('\n\n')}`);
  }
}

/**
 * Composes the subgraphs with @apollo/composition, the same library `rover supergraph compose` uses, so what we
 * commit is what Apollo's tooling would produce.
 */
export async function composeSupergraph(
  subgraphs: ReadonlyArray<SubgraphDefinition>,
  urlOf: (definition: SubgraphDefinition) => string,
): Promise<ComposedGraph> {
  const subgraphSdl = new Map<string, string>();
  for (const definition of subgraphs) {
    subgraphSdl.set(definition.name, printSubgraphSchema(await definition.buildSchema()));
  }
  const result = composeServices(
    subgraphs.map((definition) => ({
      name: definition.name,
      url: urlOf(definition),
      typeDefs: parse(subgraphSdl.get(definition.name) as string),
    })),
  );
  if (result.errors) {
    throw new CompositionError(result.errors.map((error) => `${error.extensions?.['code'] ?? 'ERROR'}: ${error.message}`));
  }
  return {
    subgraphSdl,
    supergraphSdl: result.supergraphSdl,
    apiSdl: printSchema(result.schema.toAPISchema().toGraphQLJSSchema()),
    hints: result.hints.map((hint) => `${hint.definition.code}: ${hint.message}`),
  };
}
