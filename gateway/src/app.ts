import { ApolloGateway, type SupergraphSdlHook } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControl } from '@apollo/server/plugin/cacheControl';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { EventBus } from '@techally/events';
import {
  createAccessTokenVerifier,
  createApiKeyRevocations,
  createGraphQLHttpServer,
  createLogger,
  createServiceMetrics,
  createSubscriptionMetrics,
  formatError,
  observabilityPlugin,
  type ApiKeyRevocations,
  type GraphQLHttpServer,
  type Logger,
  type JWTVerifyGetKey,
} from '@techally/platform';

import type { GatewayConfig } from './config';
import { createGatewayContext, type GatewayContext } from './context';
import { apolloStudioReporting } from './edge/apollo-studio/apollo-studio-reporting';
import { corsPolicy } from './edge/cors/cors-policy';
import { webAppsHandler } from './edge/apps/web-apps';
import { explorerAssets } from './edge/explorer/explorer-assets';
import { offlineExplorerLandingPage } from './edge/explorer/explorer-landing-page';
import { operationLimits } from './edge/limits/operation-limits';
import { rateLimitPlugin } from './edge/rate-limits/rate-limit-plugin';
import { RateLimits } from './edge/rate-limits/rate-limits';
import { createApiKeyAuthenticator } from './edge/api-keys/api-key-authenticator';
import { createApiKeyLookupClient } from './edge/api-keys/api-key-lookup-client';
import { API_KEY_HEADER } from './edge/partner-caller';
import { createPartnerServer, refusePartnersWithoutContract, type PartnerServerOptions } from './edge/partner-contract/partner-server';
import { createPooledFetcher } from './fetch/pooled-fetcher';
import { createPersistedDocuments, type PersistedDocumentsOptions } from './edge/persisted-documents/persisted-documents';
import { createResponseCache } from './response-cache/response-cache';
import { SubgraphEndpoints } from './subgraph-endpoints';
import { supergraphFromFile } from './supergraph-file';
import { FederatedSubscriptions } from './subscriptions/federated-subscriptions';
import { gatewayWebSocket } from './subscriptions/gateway-websocket';
import { subscriptionsOverWebSocketOnly } from './subscriptions/http-subscription-refusal';

export interface GatewayOptions {
  readonly logger?: Logger;
  /** A supergraph SDL to serve instead of the file (tests compose one with their own subgraph URLs). */
  readonly supergraphSdl?: string;
  /** Keys to verify access tokens with, instead of fetching the JWKS (tests). */
  readonly accessTokenKeys?: JWTVerifyGetKey;
  /** The bus the response cache hears changes on (the embedded start's shared bus); otherwise REDIS_URL's. */
  readonly bus?: EventBus;
  /** Where usage reports go instead of GraphOS (tests: a local stand-in). */
  readonly usageReportingEndpoint?: string;
  /** Where API-key revocations are heard (the embedded start shares one with the users subgraph); otherwise REDIS_URL's. */
  readonly apiKeyRevocations?: ApiKeyRevocations;
  /** Told of every persisted-documents manifest load (tests wait on it). */
  readonly onManifestReload?: PersistedDocumentsOptions['onManifestReload'];
}

export interface Gateway {
  /** Serves `/graphql` on `port` and `/metrics` on the configured metrics port; resolves with the `/graphql` URL. */
  listen(port?: number, host?: string): Promise<string>;
  /** Where `/metrics` is served once listening (METRICS_PORT: never the public port). */
  readonly metricsUrl: string | null;
  stop(): Promise<void>;
}

/**
 * The composition root of the gateway: Apollo Gateway executing the committed supergraph (hot-reloaded from
 * its file), Apollo Server 5 on node:http with the graph's error boundary, edge authentication, CORS, the
 * offline explorer in development, health, metrics on a port of their own — and federated subscriptions over graphql-ws on the same
 * `/graphql` (src/subscriptions).
 */
export async function createGateway(config: GatewayConfig, options: GatewayOptions = {}): Promise<Gateway> {
  const logger = options.logger ?? createLogger({ name: 'gateway', level: config.logLevel as never });
  const metrics = createServiceMetrics('gateway');
  const supergraphSdl: string | SupergraphSdlHook =
    options.supergraphSdl ?? supergraphFromFile(config.supergraphPath, logger);

  const subgraphClient = createPooledFetcher({ connectionsPerSubgraph: config.subgraphConnections, deduplicate: config.deduplicateFetches });
  const endpoints = new SubgraphEndpoints(config.subgraphUrls, { fetcher: subgraphClient.fetcher, mergeFetches: config.mergeFetches, mergeWaitMs: config.mergeWaitMs });
  const subscriptionMetrics = createSubscriptionMetrics(metrics.registry);
  const subscriptions = new FederatedSubscriptions({
    endpoints,
    logger,
    metrics: subscriptionMetrics,
    queueLimit: config.subscriptions.queueLimit,
    backlogLimit: config.subscriptions.backlogLimit,
  });

  const responseCache = createResponseCache({
    config: config.responseCache,
    events: config.events,
    bus: options.bus,
    registry: metrics.registry,
    logger,
  });

  const explorer = config.explorer ? explorerAssets() : null;
  const studio = apolloStudioReporting<GatewayContext>(config.apolloStudio, logger, options.usageReportingEndpoint);
  const limits = operationLimits(config.operationLimits, config.trustedProxies);
  const persistedDocuments = createPersistedDocuments({
    config: config.persistedDocuments,
    redisUrl: config.events.redisUrl,
    registry: metrics.registry,
    logger,
    onManifestReload: options.onManifestReload,
  });
  await persistedDocuments.start();

  // The budgets pay the operation limits' cost (edge/limits/operation-cost.ts): one calculator prices both.
  const rateLimits = config.rateLimits.enabled
    ? new RateLimits({ config: config.rateLimits, trustedProxies: config.trustedProxies, costOf: limits.budgetCost, redisUrl: config.events.redisUrl, registry: metrics.registry, logger })
    : null;

  let schemaLoaded = false;
  const gateway = new ApolloGateway({
    supergraphSdl: supergraphSdl as SupergraphSdlHook,
    logger,
    buildService: endpoints.build,
  });
  gateway.onSchemaLoadOrUpdate((schema) => {
    schemaLoaded = true;
    subscriptions.onSupergraph(schema);
  });

  // What both Apollo Servers share: the first-party one (the whole graph) and the partners' one (the contract).
  const serverOptions: PartnerServerOptions['serverOptions'] = {
    formatError,
    includeStacktraceInErrorResponses: false,
    introspection: config.introspection,
    apollo: studio.apollo,
    logger,
    // main.ts drains on SIGTERM; Apollo's own handler would re-raise the signal mid-drain.
    stopOnTerminationSignals: false,
    persistedQueries: persistedDocuments.apollo,
    ...limits.apolloServerOptions,
    plugins: [
      persistedDocuments.plugin,
      limits.plugin,
      observabilityPlugin(metrics, persistedDocuments.operationLabel),
      subscriptionsOverWebSocketOnly(),
      ...(rateLimits ? [rateLimitPlugin(rateLimits)] : []),
      // The policy of each answer is folded from the subgraphs' Cache-Control (RemoteGraphQLDataSource) for the
      // response cache; none is sent to clients: browsers and CDNs would keep what our events cannot invalidate.
      ApolloServerPluginCacheControl({ calculateHttpHeaders: false }),
      ...(responseCache ? [responseCache.plugin] : []),
      explorer ? offlineExplorerLandingPage(explorer) : ApolloServerPluginLandingPageDisabled(),
      ...studio.plugins,
    ],
  };
  const apollo = new ApolloServer<GatewayContext>({
    ...serverOptions,
    // Apollo Server adds its implicit plugins (suggestions hidden…) to the array it is given: one array each.
    plugins: [...(serverOptions.plugins ?? [])],
    // @apollo/gateway 2.14 types against server-gateway-interface 1.x; Apollo Server 5 speaks 2.x, which is
    // the same at runtime for everything a gateway does.
    gateway: gateway as never,
    // No "Did you mean …?" in production: a validation error must not map the graph for a stranger.
    hideSchemaDetailsFromClientErrors: config.nodeEnv === 'production',
  });
  // A caller presenting an API key sees only the partner contract (edge/partner-contract).
  const partners = createPartnerServer({ source: gateway, buildService: endpoints.build, logger, serverOptions });
  await apollo.start();
  const partnerApollo = await partners.start().catch(async (error: unknown) => {
    await apollo.stop();
    throw error;
  });
  await responseCache?.start();

  const verifier = createAccessTokenVerifier({
    keys: options.accessTokenKeys ?? new URL(config.accessTokens.jwksUrl),
    issuer: config.accessTokens.issuer,
    audience: config.accessTokens.audience,
  });
  const ownRevocations = options.apiKeyRevocations
    ? null
    : createApiKeyRevocations({ redisUrl: config.events.redisUrl, keyPrefix: config.events.keyPrefix, logger });
  const apiKeys = createApiKeyAuthenticator({
    lookup: createApiKeyLookupClient({ url: config.apiKeys.lookupUrl, secret: config.apiKeys.lookupSecret, timeoutMs: config.apiKeys.lookupTimeoutMs }),
    revocations: options.apiKeyRevocations ?? (ownRevocations as ApiKeyRevocations),
    cacheSeconds: config.apiKeys.cacheSeconds,
    cacheEntries: config.apiKeys.cacheEntries,
    maxConcurrentLookups: config.apiKeys.lookupConcurrency,
    logger,
    registry: metrics.registry,
  });
  const server: GraphQLHttpServer = createGraphQLHttpServer({
    serviceName: 'gateway',
    apollo,
    apolloFor: (headers) => (headers[API_KEY_HEADER] !== undefined ? (partnerApollo ?? undefined) : undefined),
    logger,
    metrics,
    createContext: refusePartnersWithoutContract(createGatewayContext(verifier, apiKeys), partnerApollo !== null),
    cors: corsPolicy(config.cors, logger),
    routes: explorer?.routes,
    fallback: config.webApps ? webAppsHandler() : undefined,
    isReady: async () => schemaLoaded,
    webSocket: gatewayWebSocket({ subscriptions, verifier, logger, metrics: subscriptionMetrics, persistedDocuments, rateLimits, limits: limits.webSocket }),
  });

  return {
    listen: (port = config.port, host = config.host) => server.listen(port, host, config.metricsPort),
    get metricsUrl() {
      return server.metricsUrl;
    },
    async stop() {
      // WebSocket clients are closed first (1001: they reconnect elsewhere), which ends their subscriptions;
      // then the sockets to the subgraphs.
      await server.stop();
      await partnerApollo?.stop();
      await subscriptions.stop();
      await responseCache?.stop();
      await apiKeys.stop();
      await ownRevocations?.close();
      await persistedDocuments.stop();
      await rateLimits?.close();
      await subgraphClient.close();
    },
  };
}
