import type { Server } from 'node:http';
import {
  authenticate,
  DomainError,
  serveGraphQLOverWebSocket,
  WebSocketCloseCode,
  type AccessTokenVerifier,
  type GraphQLWebSocketServer,
  type Logger,
  type SubscriptionMetrics,
} from '@techally/platform';
import { API_KEY_HEADER } from '../edge/partner-caller';
import { ClientSession } from './client-session';
import type { FederatedSubscriptions } from './federated-subscriptions';
import { tokenExpiry } from './forwarded-credentials';
import { SubscriptionEnd } from './subscription-errors';

export interface GatewayWebSocketOptions {
  readonly subscriptions: FederatedSubscriptions;
  readonly verifier: AccessTokenVerifier;
  readonly logger: Logger;
  readonly metrics: SubscriptionMetrics;
}

/**
 * The gateway's graphql-ws endpoint on its `/graphql`. The access token (from `connectionParams.authorization`)
 * is verified at connect, as HTTP requests are at the edge: a bad one is refused with 4401 before any subgraph
 * is asked. Anonymous connections are accepted (public subscriptions exist); a subgraph that demands a viewer
 * refuses the subscription itself. When the token expires, each of the connection's subscriptions gets a last
 * result with UNAUTHENTICATED and completes, then the connection closes with 4401. A partner (API key) is
 * refused with 4403: the partner contract has no subscription, and this endpoint validates against the whole graph.
 */
export function gatewayWebSocket(options: GatewayWebSocketOptions): (httpServer: Server) => GraphQLWebSocketServer {
  const { subscriptions, verifier, logger, metrics } = options;
  return (httpServer) =>
    serveGraphQLOverWebSocket<ClientSession>(httpServer, {
      logger,
      metrics,
      schema: () => subscriptions.apiSchema,
      async authenticate(info, control) {
        if (info.headers[API_KEY_HEADER] !== undefined) throw DomainError.forbidden('The partner contract has no subscriptions.');
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
