import { buildFederatedSchema } from '@techally/platform';
import type { GraphQLSchema } from 'graphql';
import { Query, Resolver } from 'type-graphql';

// Skeleton: the reviews contract lands in the next commits; this keeps the registry's imports compiling.
@Resolver()
class ReviewsPlaceholderResolver {
  @Query(() => Boolean, { description: 'Placeholder until the reviews schema lands.' })
  reviewsReady(): boolean {
    return false;
  }
}

/** The reviews subgraph's federated schema. Needs no database and no configuration. */
export function buildReviewsSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema({ resolvers: [ReviewsPlaceholderResolver] });
}
