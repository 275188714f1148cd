import { ApolloServer, type BaseContext } from '@apollo/server';
import { ApolloServerPluginCacheControl } from '@apollo/server/plugin/cacheControl';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { cacheTagsPlugin } from '../cache/cache-tags-plugin';
import type { GraphQLSchema } from 'graphql';
import type { Logger } from 'pino';
import { formatError } from '../errors/format-error';
import { createServiceMetrics } from '../metrics/registry';
import { createGraphQLHttpServer, type GraphQLHttpServer, type RouteHandler } from './graphql-http-server';
import { subscribeWithFreshContexts } from '../subscriptions/per-event-context';
import { createSubscriptionMetrics } from '../subscriptions/subscription-metrics';
import { serveGraphQLOverWebSocket } from '../subscriptions/websocket-server';
import { observabilityPlugin } from './observability-plugin';
import type { RequestInfo } from './request-info';

export interface SubgraphServerOptions<Context extends BaseContext> {
  /** The subgraph's name, as in the supergraph (`users`, `products`, ...). */
  readonly name: string;
  /** The federated schema (from `buildFederatedSchema`). */
  readonly schema: GraphQLSchema;
  readonly logger: Logger;
  /**
   * Builds the context of an HTTP request, of a WebSocket connection (once, at `connection_init`: a bad token
   * refuses the connection) and of every subscription event (a fresh one each, see subscribeWithFreshContexts).
   */
  readonly createContext: (request: RequestInfo) => Promise<Context>;
  readonly isReady: () => Promise<boolean>;
  readonly routes?: Readonly<Record<string, RouteHandler>>;
  /** Process-level metrics (CPU, memory) are reported by one server per process. */
  readonly processMetrics?: boolean;
}

/**
 * A subgraph's HTTP face: Apollo Server with the graph's error boundary and observability, health and
 * metrics routes. Subgraphs are reached through the gateway, so they have no landing page.
 *
 * A schema with a `Subscription` type is also served over graphql-ws on the same port and `/graphql` path
 * (the gateway subscribes there), authenticated at connect through the same `createContext`.
 */
export async function createSubgraphServer<Context extends BaseContext>(
  options: SubgraphServerOptions<Context>,
): Promise<GraphQLHttpServer> {
  const metrics = createServiceMetrics(options.name, { processMetrics: options.processMetrics ?? true });
  const apollo = new ApolloServer<Context>({
    schema: options.schema,
    formatError,
    includeStacktraceInErrorResponses: false,
    // The gateway asks a subgraph for its SDL through `_service`, not introspection; keep it for tooling.
    introspection: true,
    plugins: [
      observabilityPlugin(metrics),
      ApolloServerPluginLandingPageDisabled(),
      // The schema's @cacheControl hints become the response's Cache-Control; anything not hinted is uncacheable.
      ApolloServerPluginCacheControl({ defaultMaxAge: 0, calculateHttpHeaders: true }),
      cacheTagsPlugin(options.name),
    ],
    logger: options.logger,
    // Our main.ts drains HTTP and closes the pool on SIGTERM; Apollo's own handler would stop Apollo first and
    // re-raise the signal, killing the process mid-drain.
    stopOnTerminationSignals: false,
  });
  await apollo.start();
  const { schema, createContext, logger } = options;
  const subscriptionMetrics = schema.getSubscriptionType() ? createSubscriptionMetrics(metrics.registry) : null;
  return createGraphQLHttpServer({
    serviceName: options.name,
    apollo,
    logger,
    metrics,
    createContext,
    isReady: options.isReady,
    ...(options.routes ? { routes: options.routes } : {}),
    ...(subscriptionMetrics
      ? {
          webSocket: (httpServer) =>
            serveGraphQLOverWebSocket(httpServer, {
              logger,
              metrics: subscriptionMetrics,
              schema: () => schema,
              authenticate: async (request) => {
                await createContext(request);
              },
              subscribe: subscribeWithFreshContexts(createContext),
            }),
        }
      : {}),
  });
}
