import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { GraphQLError } from 'graphql';

/**
 * Apollo Gateway cannot execute a subscription sent over HTTP (it would fail with a masked internal error);
 * this answers it with BAD_REQUEST and says where subscriptions are served.
 */
export function subscriptionsOverWebSocketOnly(): ApolloServerPlugin<BaseContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation }) {
          if (operation?.operation !== 'subscription') return;
          throw new GraphQLError('Subscriptions are served over WebSocket (the graphql-ws protocol) on this same /graphql URL.', {
            extensions: { code: 'BAD_REQUEST', http: { status: 400 } },
          });
        },
      };
    },
  };
}
