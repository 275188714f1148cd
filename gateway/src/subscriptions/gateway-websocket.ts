import type { Server } from 'node:http';
import { parse } from 'graphql';
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
import { getOperationAST } from 'graphql';
import type { WebSocketLimits } from '../edge/limits/websocket-limits';
import { rateLimited } from '../edge/rate-limits/rate-limit-error';
import type { RateLimits } from '../edge/rate-limits/rate-limits';
import { API_KEY_HEADER } from '../edge/partner-caller';
import type { PersistedDocuments } from '../edge/persisted-documents/persisted-documents';
import { ClientSession } from './client-session';
import type { FederatedSubscriptions } from './federated-subscriptions';
import { tokenExpiry } from './forwarded-credentials';
import { SubscriptionEnd } from './subscription-errors';

export interface GatewayWebSocketOptions {
  readonly subscriptions: FederatedSubscriptions;
  readonly verifier: AccessTokenVerifier;
  readonly logger: Logger;
  readonly metrics: SubscriptionMetrics;
  /** The persisted-document rules, the same as over HTTP (ids in `documentId` or `extensions`; partners ids only). */
  readonly persistedDocuments: Pick<PersistedDocuments, 'subscriptionDocument'>;
  /** Each subscribe spends from its caller's budget like an HTTP request of its cost (null: limits off). */
  readonly rateLimits?: RateLimits | null;
  /** The operation limits and the WebSocket's caps (edge/limits/websocket-limits). */
  readonly limits?: WebSocketLimits;
}

/**
 * The gateway's graphql-ws endpoint on its `/graphql`. The access token (from `connectionParams.authorization`)
 * is verified at connect, as HTTP requests are at the edge: a bad one is refused with 4401 before any subgraph
 * is asked. Anonymous connections are accepted (public subscriptions exist); a subgraph that demands a viewer
 * refuses the subscription itself. When the token expires, each of the connection's subscriptions gets a last
 * result with UNAUTHENTICATED and completes, then the connection closes with 4401. A partner (API key) may
 * connect, but each subscription it starts ends with FORBIDDEN once the persisted-document rules have passed it
 * and it parses, before it is validated: the partner contract has no subscription, and this endpoint validates
 * against the whole graph (its errors would name what partners may not see).
 */
export function gatewayWebSocket(options: GatewayWebSocketOptions): (httpServer: Server) => GraphQLWebSocketServer {
  const { subscriptions, verifier, logger, metrics, persistedDocuments, rateLimits, limits } = options;
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
      async resolveDocument(payload, connection) {
        const { headers, logger: connectionLogger } = connection.info;
        const document = await persistedDocuments.subscriptionDocument(payload as typeof payload & { documentId?: unknown }, headers, connectionLogger);
        if (typeof document === 'string' && headers[API_KEY_HEADER] !== undefined && parses(document)) {
          return [DomainError.forbidden('The partner contract has no subscriptions.')];
        }
        return document;
      },
      async subscribe(operation) {
        const refusal = await rateLimits?.admit({
          headers: operation.info.headers,
          remoteAddress: operation.connection.info.remoteAddress,
          viewer: operation.connection.session.viewer,
          partner: null, // API keys are not taken over WebSocket (yet)
          operation: { ...operation, definition: getOperationAST(operation.document, operation.operationName) ?? undefined },
        });
        // The subscription ends at once with RATE_LIMITED (retryAfterSeconds); the connection stays open.
        if (refusal) return { errors: [rateLimited(refusal, 'websocket')] };
        return subscriptions.subscribe(operation);
      },
      onClose: (connection) => connection.session.dispose(),
    });
}

/** Whether a text is a GraphQL document at all (one that is not gets GRAPHQL_PARSE_FAILED, whoever sent it). */
function parses(text: string): boolean {
  try {
    parse(text);
    return true;
  } catch {
    return false;
  }
}
