import { buildFederatedSchema, PARTNER_TAG } from '@techally/platform';
import type { GraphQLSchema } from 'graphql';
import { ProductSearchConnectionResolver, SearchResolver } from './search/search.resolver';

/**
 * The search subgraph's federated schema. Needs no database and no configuration (the compose script prints
 * the SDL from it): everything a resolver uses at run time arrives in the GraphQL context.
 */
export function buildSearchSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema({
    resolvers: [SearchResolver, ProductSearchConnectionResolver],
    // Partners search too: the sort takes its tag here (type-graphql cannot decorate enums).
    enumDirectives: { SearchSort: [PARTNER_TAG] },
  });
}
