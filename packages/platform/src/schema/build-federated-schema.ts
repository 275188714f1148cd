import 'reflect-metadata';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { parse, type GraphQLSchema } from 'graphql';
import { buildSchema, createResolversMap, type BuildSchemaOptions } from 'type-graphql';
import { CACHE_CONTROL_DEFINITIONS } from '../cache/cache-control';
import { DATE_TIME_SCALARS } from '../graphql/scalars';
import type { SubscriptionPubSub } from '../subscriptions/pubsub';
import { withEnumDirectives, type EnumDirectives } from './enum-directives';
import { refuseMalformedRepresentations } from './refuse-malformed-representations';
import { refuseNulCharacters } from './refuse-nul-characters';

/** The federation spec version every subgraph links. */
export const FEDERATION_SPEC_URL = 'https://specs.apollo.dev/federation/v2.7';

/** Federation directives a subgraph may use; importing them all keeps `@Directive('@key(...)')` readable. */
const FEDERATION_IMPORTS = [
  '@key',
  '@shareable',
  '@external',
  '@requires',
  '@provides',
  '@inaccessible',
  '@tag',
  '@override',
  '@interfaceObject',
];

/** `__resolveReference` per entity type name: how this subgraph turns a representation into an entity. */
export type ReferenceResolvers = Record<
  string,
  (representation: Record<string, unknown>, context: never, info: unknown) => unknown
>;

export interface FederatedSchemaOptions {
  readonly resolvers: BuildSchemaOptions['resolvers'];
  readonly orphanedTypes?: BuildSchemaOptions['orphanedTypes'];
  readonly referenceResolvers?: ReferenceResolvers;
  readonly scalarsMap?: BuildSchemaOptions['scalarsMap'];
  /**
   * Where `@Subscription({ topics, topicId })` resolvers listen (type-graphql needs it for those; one with its
   * own `subscribe` does not). The `Subscription` type is kept through buildSubgraphSchema, and composition
   * gives the supergraph its Subscription type.
   */
  readonly pubSub?: SubscriptionPubSub;
  /** Directives on enums and enum values, which type-graphql cannot decorate (e.g. PARTNER_TAG on `ProductSort.NEWEST`). */
  readonly enumDirectives?: EnumDirectives;
}

/**
 * Code-first to federated (README.md, Design decisions): type-graphql builds the schema with federation directives left
 * unchecked, we print it with those directives under a federation `@link`, and @apollo/subgraph rebuilds it
 * as a subgraph (adding `_service`, `_entities` and the reference resolvers).
 *
 * Every subgraph built here refuses, with BAD_USER_INPUT, arguments holding a NUL character and `_entities`
 * representations it cannot be asked about (an unknown type, an id that is not a UUID): see
 * {@link refuseNulCharacters} and {@link refuseMalformedRepresentations}.
 */
export async function buildFederatedSchema(options: FederatedSchemaOptions): Promise<GraphQLSchema> {
  const codeFirst = await buildSchema({
    resolvers: options.resolvers,
    ...(options.orphanedTypes ? { orphanedTypes: options.orphanedTypes } : {}),
    scalarsMap: options.scalarsMap ?? DATE_TIME_SCALARS,
    ...(options.pubSub ? { pubSub: options.pubSub } : {}),
    skipCheck: true,
    // Inputs are validated by each subgraph's services (domain rules, BAD_USER_INPUT naming the field), and no
    // input class carries class-validator decorators: type-graphql's validation had nothing to check, yet ran
    // class-validator (and a require) on every argument object of every call.
    validate: false,
  });
  // The cache hints' directive is Apollo Server's, not federation's: defined here for every subgraph (cache/cache-control.ts).
  const header = `extend schema @link(url: "${FEDERATION_SPEC_URL}", import: [${FEATURE_LIST}])\n\n${CACHE_CONTROL_DEFINITIONS}\n`;
  const typeDefs = withEnumDirectives(parse(header + printSchemaWithDirectives(codeFirst)), options.enumDirectives ?? {});
  const resolvers = createResolversMap(codeFirst) as GraphQLResolverMap<unknown>;
  for (const [typeName, resolveReference] of Object.entries(options.referenceResolvers ?? {})) {
    const existing = (resolvers[typeName] ?? {}) as Record<string, unknown>;
    resolvers[typeName] = { ...existing, __resolveReference: resolveReference } as never;
  }
  const schema = buildSubgraphSchema([{ typeDefs, resolvers }]);
  refuseMalformedRepresentations(schema);
  refuseNulCharacters(schema);
  return schema;
}

const FEATURE_LIST = FEDERATION_IMPORTS.map((name) => `"${name}"`).join(', ');
