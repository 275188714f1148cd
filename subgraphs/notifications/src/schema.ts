import { buildFederatedSchema } from '@techally/platform';
import type { GraphQLSchema } from 'graphql';
import { NotificationResolver } from './notification/notification.resolver';
import { PreferencesResolver } from './preferences/preferences.resolver';
import { resolveUserReference, UserRef } from './user/user.type';

/**
 * The notifications subgraph's federated schema. Needs no database and no configuration (the compose script
 * prints the SDL from it): everything a resolver uses at run time arrives in the GraphQL context.
 */
export function buildNotificationsSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema({
    resolvers: [NotificationResolver, PreferencesResolver],
    // Nothing here returns a User: it is reached through `me` (users) and extended with `notifications` and `notificationPreferences`.
    orphanedTypes: [UserRef],
    referenceResolvers: { User: resolveUserReference },
  });
}
