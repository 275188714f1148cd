import { buildFederatedSchema } from '@techally/platform';
import type { GraphQLSchema } from 'graphql';
import { OrderFieldsResolver } from './order/order-fields.resolver';
import { OrderItemFieldsResolver } from './order/order-item-fields.resolver';
import { resolveOrderReference } from './order/order.reference';
import { OrderResolver } from './order/order.resolver';
import { OrderStatusChangeFieldsResolver } from './order/order-status-change-fields.resolver';
import { ProductFieldsResolver, resolveProductReference } from './product/product-fields.resolver';
import { resolveUserReference, UserOrdersResolver } from './user/user-orders.resolver';

/**
 * The orders subgraph's federated schema. Needs no database and no configuration (the compose script prints
 * the SDL from it): everything a resolver uses at run time arrives in the GraphQL context.
 */
export function buildOrdersSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema({
    resolvers: [
      OrderResolver,
      OrderFieldsResolver,
      OrderItemFieldsResolver,
      OrderStatusChangeFieldsResolver,
      UserOrdersResolver,
      ProductFieldsResolver,
    ],
    referenceResolvers: {
      Order: resolveOrderReference,
      User: resolveUserReference,
      Product: resolveProductReference,
    },
  });
}
