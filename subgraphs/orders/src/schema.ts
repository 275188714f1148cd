import { buildFederatedSchema, createLogger, createSubscriptionPubSub, type SubscriptionPubSub } from '@techally/platform';
import type { GraphQLSchema } from 'graphql';
import { OrderStatusUpdateResolver } from './live/order-status-update.resolver';
import { OrderFieldsResolver } from './order/order-fields.resolver';
import { OrderItemFieldsResolver } from './order/order-item-fields.resolver';
import { resolveOrderReference } from './order/order.reference';
import { OrderResolver } from './order/order.resolver';
import { OrderStatusChangeFieldsResolver } from './order/order-status-change-fields.resolver';
import { ProductFieldsResolver, resolveProductReference } from './product/product-fields.resolver';
import { resolveUserReference, UserOrdersResolver } from './user/user-orders.resolver';

export interface OrdersSchemaOptions {
  /**
   * The subscription pub/sub of the running subgraph (type-graphql wants one for any schema with subscriptions;
   * the order subscriptions themselves read the status feed from the context). Omitted when the schema is built
   * only for its SDL: an idle in-memory one then, which nothing ever subscribes to.
   */
  readonly pubSub?: SubscriptionPubSub;
}

/**
 * The orders subgraph's federated schema. Needs no database and no configuration (the compose script prints
 * the SDL from it): everything a resolver uses at run time arrives in the GraphQL context.
 */
export function buildOrdersSchema(options: OrdersSchemaOptions = {}): Promise<GraphQLSchema> {
  return buildFederatedSchema({
    resolvers: [
      OrderResolver,
      OrderFieldsResolver,
      OrderItemFieldsResolver,
      OrderStatusChangeFieldsResolver,
      UserOrdersResolver,
      ProductFieldsResolver,
      OrderStatusUpdateResolver,
    ],
    referenceResolvers: {
      Order: resolveOrderReference,
      User: resolveUserReference,
      Product: resolveProductReference,
    },
    pubSub: options.pubSub ?? createSubscriptionPubSub({ keyPrefix: 'sdl', logger: createLogger({ name: 'orders', level: 'silent' }) }),
  });
}
