import { buildFederatedSchema } from '@techally/platform';
import type { GraphQLSchema } from 'graphql';
import { ProductRecommendationResolver, UserRecommendationResolver } from './recommendation/recommendation.resolver';
import { resolveProductReference, resolveUserReference, UserRef } from './recommendation/recommendation.types';

/**
 * The recommendations subgraph's federated schema. Needs no database and no configuration (the compose script
 * prints the SDL from it): everything a resolver uses at run time arrives in the GraphQL context.
 */
export function buildRecommendationsSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema({
    resolvers: [ProductRecommendationResolver, UserRecommendationResolver],
    // Nothing here returns a User: it is reached through `me` (users) and extended with `recommendedProducts`.
    orphanedTypes: [UserRef],
    referenceResolvers: { Product: resolveProductReference, User: resolveUserReference },
  });
}
