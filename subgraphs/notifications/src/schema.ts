import { buildFederatedSchema, createLogger, createSubscriptionPubSub, type SubscriptionPubSub } from '@techally/platform';
import type { GraphQLSchema } from 'graphql';
import { NotificationReceivedResolver } from './live/notification-received.resolver';
import { LowStockThresholdResolver } from './low-stock/low-stock-threshold.resolver';
import { NotificationResolver } from './notification/notification.resolver';
import { PreferencesResolver } from './preferences/preferences.resolver';
import { resolveUserReference, UserRef } from './user/user.type';

export interface NotificationsSchemaOptions {
  /**
   * The subscription pub/sub of the running subgraph (type-graphql wants one for a schema with subscriptions;
   * `notificationReceived` reads the feed from the context). Omitted when the schema is built only for its SDL.
   */
  readonly pubSub?: SubscriptionPubSub;
}

/**
 * The notifications subgraph's federated schema. Needs no database and no configuration (the compose script
 * prints the SDL from it): everything a resolver uses at run time arrives in the GraphQL context.
 */
export function buildNotificationsSchema(options: NotificationsSchemaOptions = {}): Promise<GraphQLSchema> {
  return buildFederatedSchema({
    resolvers: [NotificationResolver, NotificationReceivedResolver, LowStockThresholdResolver, PreferencesResolver],
    // Nothing here returns a User: it is reached through `me` (users) and extended with `notifications` and `notificationPreferences`.
    orphanedTypes: [UserRef],
    referenceResolvers: { User: resolveUserReference },
    pubSub: options.pubSub ?? createSubscriptionPubSub({ keyPrefix: 'sdl', logger: createLogger({ name: 'notifications', level: 'silent' }) }),
  });
}
