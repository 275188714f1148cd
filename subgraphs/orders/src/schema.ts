import { buildFederatedSchema } from '@techally/platform';
import type { GraphQLSchema } from 'graphql';
import { Query, Resolver } from 'type-graphql';

// Skeleton: the orders contract lands in the next commits; this keeps the registry's imports compiling.
@Resolver()
class OrdersPlaceholderResolver {
  @Query(() => Boolean, { description: 'Placeholder until the orders schema lands.' })
  ordersReady(): boolean {
    return false;
  }
}

/** The orders subgraph's federated schema. Needs no database and no configuration. */
export function buildOrdersSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema({ resolvers: [OrdersPlaceholderResolver] });
}
