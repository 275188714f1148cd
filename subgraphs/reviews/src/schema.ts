import { buildFederatedSchema } from '@techally/platform';
import type { GraphQLSchema } from 'graphql';
import { ProductReviewsResolver } from './product/product-reviews.resolver';
import { resolveProductReference } from './product/product.reference';
import { ReviewFieldsResolver } from './review/review-fields.resolver';
import { resolveReviewReference } from './review/review.reference';
import { ReviewResolver } from './review/review.resolver';
import { UserReviewsResolver } from './user/user-reviews.resolver';
import { resolveUserReference } from './user/user.reference';

/**
 * The reviews subgraph's federated schema. Needs no database and no configuration (the compose script prints
 * the SDL from it): everything a resolver uses at run time arrives in the GraphQL context.
 */
export function buildReviewsSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema({
    resolvers: [ReviewResolver, ReviewFieldsResolver, ProductReviewsResolver, UserReviewsResolver],
    referenceResolvers: {
      Review: resolveReviewReference,
      Product: resolveProductReference,
      User: resolveUserReference,
    },
  });
}
