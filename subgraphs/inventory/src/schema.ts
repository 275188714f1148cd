import { buildFederatedSchema, createLogger, createSubscriptionPubSub, type SubscriptionPubSub } from '@techally/platform';
import type { GraphQLSchema } from 'graphql';
import { StockChangeResolver } from './live/stock-change.resolver';
import { ProductInventoryFieldsResolver } from './product/product-inventory-fields.resolver';
import { ProductInventoryResolver } from './product/product-inventory.resolver';
import { resolveProductReference } from './product/product.reference';
import { ProductType } from './product/product.type';
import { StockResolver } from './stock/stock.resolver';
import { resolveWarehouseReference } from './warehouse/warehouse.reference';
import { WarehouseResolver } from './warehouse/warehouse.resolver';

export interface InventorySchemaOptions {
  /**
   * The subscription pub/sub of the running subgraph (type-graphql wants one for any schema with subscriptions;
   * `stockChanged` itself reads the stock feed from the context). Omitted when the schema is built only for its
   * SDL: an idle in-memory one then, which nothing ever subscribes to.
   */
  readonly pubSub?: SubscriptionPubSub;
}

/**
 * The inventory subgraph's federated schema. Needs no database and no configuration (the compose script
 * prints the SDL from it): everything a resolver uses at run time arrives in the GraphQL context.
 */
export function buildInventorySchema(options: InventorySchemaOptions = {}): Promise<GraphQLSchema> {
  return buildFederatedSchema({
    resolvers: [WarehouseResolver, StockResolver, ProductInventoryResolver, ProductInventoryFieldsResolver, StockChangeResolver],
    // Product is reachable from adjustStock's result too; listed so the entity never depends on that.
    orphanedTypes: [ProductType],
    referenceResolvers: {
      Product: resolveProductReference,
      Warehouse: resolveWarehouseReference,
    },
    pubSub: options.pubSub ?? createSubscriptionPubSub({ keyPrefix: 'sdl', logger: createLogger({ name: 'inventory', level: 'silent' }) }),
  });
}
