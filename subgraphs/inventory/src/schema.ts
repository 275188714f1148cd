import { buildFederatedSchema } from '@techally/platform';
import type { GraphQLSchema } from 'graphql';
import { ProductInventoryFieldsResolver } from './product/product-inventory-fields.resolver';
import { ProductInventoryResolver } from './product/product-inventory.resolver';
import { resolveProductReference } from './product/product.reference';
import { ProductType } from './product/product.type';
import { StockResolver } from './stock/stock.resolver';
import { resolveWarehouseReference } from './warehouse/warehouse.reference';
import { WarehouseResolver } from './warehouse/warehouse.resolver';

/**
 * The inventory subgraph's federated schema. Needs no database and no configuration (the compose script
 * prints the SDL from it): everything a resolver uses at run time arrives in the GraphQL context.
 */
export function buildInventorySchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema({
    resolvers: [WarehouseResolver, StockResolver, ProductInventoryResolver, ProductInventoryFieldsResolver],
    // Product is reachable from adjustStock's result too; listed so the entity never depends on that.
    orphanedTypes: [ProductType],
    referenceResolvers: {
      Product: resolveProductReference,
      Warehouse: resolveWarehouseReference,
    },
  });
}
