import { buildFederatedSchema } from '@techally/platform';
import type { GraphQLSchema } from 'graphql';
import { Query, Resolver } from 'type-graphql';

// Skeleton: the inventory contract lands in the next commits; this keeps the registry's imports compiling.
@Resolver()
class InventoryPlaceholderResolver {
  @Query(() => Boolean, { description: 'Placeholder until the inventory schema lands.' })
  inventoryReady(): boolean {
    return false;
  }
}

/** The inventory subgraph's federated schema. Needs no database and no configuration. */
export function buildInventorySchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema({ resolvers: [InventoryPlaceholderResolver] });
}
