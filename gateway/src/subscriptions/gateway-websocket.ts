import type { Server } from 'node:http';
import {
  authenticate,
  serveGraphQLOverWebSocket,
  WebSocketCloseCode,
  type AccessTokenVerifier,
  type GraphQLWebSocketServer,
  type Logger,
  type SubscriptionMetrics,
} from '@techally/platform';
import type { WebSocketLimits } from '../edge/limits/websocket-limits';
import { ClientSession } from './client-session';
import type { FederatedSubscriptions } from './federated-subscriptions';
import { tokenExpiry } from './forwarded-credentials';
import { SubscriptionEnd } from './subscription-errors';

export interface GatewayWebSocketOptions {
  readonly subscriptions: FederatedSubscriptions;
  readonly verifier: AccessTokenVerifier;
  readonly logger: Logger;
  readonly metrics: SubscriptionMetrics;
  /** The operation limits and the WebSocket's caps (edge/limits/websocket-limits). */
  readonly limits?: WebSocketLimits;
}

/**
 * The gateway's graphql-ws endpoint on its `/graphql`. The access token (from `connectionParams.authorization`)
 * is verified at connect, as HTTP requests are at the edge: a bad one is refused with 4401 before any subgraph
 * is asked. Anonymous connections are accepted (public subscriptions exist); a subgraph that demands a viewer
 * refuses the subscription itself. When the token expires, each of the connection's subscriptions gets a last
 * result with UNAUTHENTICATED and completes, then the connection closes with 4401.
 */
export function gatewayWebSocket(options: GatewayWebSocketOptions): (httpServer: Server) => GraphQLWebSocketServer {
  const { subscriptions, verifier, logger, metrics, limits } = options;
  return (httpServer) =>
    serveGraphQLOverWebSocket<ClientSession>(httpServer, {
      logger,
      metrics,
      ...limits,
      schema: () => subscriptions.apiSchema,
      async authenticate(info, control) {
        const viewer = await authenticate(verifier, info.headers);
        const session = new ClientSession(viewer, viewer ? tokenExpiry(info.headers.authorization) : undefined);
        session.whenExpired(() => {
          subscriptions.endSession(session, SubscriptionEnd.tokenExpired());
          control.closeWhenIdle(WebSocketCloseCode.UNAUTHENTICATED, 'The access token has expired');
        });
        return session;
      },
      subscribe: (operation) => subscriptions.subscribe(operation),
      onClose: (connection) => connection.session.dispose(),
    });
}
