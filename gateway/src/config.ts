import { resolve } from 'node:path';
import { loadEventBusConfig, type EventBusConfig } from '@techally/events';
import { accessTokenEnv, bool, ConfigError, num, port, readEnv, serviceEnv, str } from '@techally/platform';
import { loadApolloStudioConfig, type ApolloStudioConfig } from './edge/apollo-studio/apollo-studio-config';
import { loadCorsConfig, type CorsConfig } from './edge/cors/cors-config';
import { loadRateLimitConfig, loadTrustedProxies, type RateLimitConfig } from './edge/rate-limits/rate-limit-config';
import { loadApiKeysConfig, type ApiKeysConfig } from './edge/api-keys/api-keys-config';
import { DEFAULT_PERSISTED_DOCUMENTS_PATH } from './known-operations';
import { loadPersistedDocumentsConfig, type PersistedDocumentsConfig } from './edge/persisted-documents/persisted-documents-config';
import { loadOperationLimits, type OperationLimits } from './edge/limits/operation-limits-config';
import { loadResponseCacheConfig, type ResponseCacheConfig } from './response-cache/response-cache-config';

/** The committed supergraph, relative to this package (the same from src/ under jest and from dist/). */
export const DEFAULT_SUPERGRAPH_PATH = resolve(__dirname, '../../schema/supergraph.graphql');

export interface GatewayConfig {
  readonly nodeEnv: 'development' | 'test' | 'production';
  readonly host: string;
  readonly port: number;
  /** Where `/metrics` is served, apart from the public port (METRICS_PORT; default PORT + 5464, so 9464). */
  readonly metricsPort: number | undefined;
  readonly logLevel: string;
  /** The persisted-documents manifest (served by id; its operation names are the metrics' labels) and the rules. */
  readonly persistedDocuments: PersistedDocumentsConfig;
  readonly supergraphPath: string;
  /** Subgraph URLs that replace the ones in the supergraph, by subgraph name (`SUBGRAPH_USERS_URL`). */
  readonly subgraphUrls: Readonly<Record<string, string>>;
  readonly introspection: boolean;
  /** The offline explorer (GraphiQL, bundled from installed packages) as landing page (development only by default). */
  readonly explorer: boolean;
  /** Serve the built storefront at `/` and the admin portal at `/admin/` (edge/apps). */
  readonly webApps: boolean;
  readonly accessTokens: { readonly issuer: string; readonly audience: string; readonly jwksUrl: string };
  /** Keep-alive connections the gateway holds at most per subgraph (GATEWAY_SUBGRAPH_CONNECTIONS). */
  readonly subgraphConnections: number;
  /** Merge a request's fetches to one subgraph in the same turn into one operation (GATEWAY_MERGE_FETCHES). */
  readonly mergeFetches: boolean;
  /** Identical subgraph queries in flight at once share one request (GATEWAY_DEDUPLICATE_FETCHES). */
  readonly deduplicateFetches: boolean;
  /** How long a fetch may wait for the request's other fetches in flight to join it (GATEWAY_MERGE_WAIT_MS). */
  readonly mergeWaitMs: number;
  readonly subscriptions: {
    /** Results held per client subscription; beyond, the oldest are dropped (GATEWAY_SUBSCRIPTION_QUEUE_LIMIT). */
    readonly queueLimit: number;
    /** Events waiting for execution per shared subscription; beyond, the oldest are dropped. */
    readonly backlogLimit: number;
  };
  /** REDIS_URL and EVENTS_KEY_PREFIX: where the response cache's store and invalidating events are. */
  readonly events: EventBusConfig;
  readonly responseCache: ResponseCacheConfig;
  /** Origins whose pages may call the graph (CORS_ORIGINS; Apollo Studio's too outside production). */
  readonly cors: CorsConfig;
  /** Usage reporting to Apollo GraphOS (APOLLO_KEY + APOLLO_GRAPH_REF). */
  readonly apolloStudio: ApolloStudioConfig;
  /** Proxies in front of the gateway that append to X-Forwarded-For (GATEWAY_TRUSTED_PROXIES, default 0: the socket's peer is the client). */
  readonly trustedProxies: number;
  readonly rateLimits: RateLimitConfig;
  /** Partner API keys: the users subgraph's lookup and the cache of its answers (API_KEY_*). */
  readonly apiKeys: ApiKeysConfig;
  /** Depth, aliases, directives, tokens, cost; WebSocket caps (GATEWAY_MAX_*, edge/limits). */
  readonly operationLimits: OperationLimits;
}

const SUBGRAPH_URL_VARIABLE = /^SUBGRAPH_([A-Z][A-Z0-9_]*)_URL$/;

/** Reads the gateway's environment once; a bad value stops the start with a message naming the variable. */
export function loadGatewayConfig(source: Record<string, string | undefined> = process.env): GatewayConfig {
  const env = readEnv(
    {
      ...serviceEnv,
      ...accessTokenEnv,
      PORT: port({ default: 4000, desc: 'Port the gateway listens on.' }),
      PERSISTED_DOCUMENTS_PATH: str({
        default: DEFAULT_PERSISTED_DOCUMENTS_PATH,
        desc: 'The persisted-documents manifest: documents served by id, and the operation names that label the metrics (any other is "other"); reloaded when it changes.',
      }),
      SUPERGRAPH_PATH: str({ default: DEFAULT_SUPERGRAPH_PATH, desc: 'The composed supergraph SDL; reloaded when it changes.' }),
      INTROSPECTION: bool({ default: undefined, desc: 'Allow introspection (default: on except in production).' }),
      WEB_APPS: bool({ default: true, desc: 'Serve the built web apps beside /graphql: the storefront at / and the admin portal at /admin/ (off when a CDN serves them).' }),
      EXPLORER: bool({ default: undefined, desc: 'Serve the offline explorer (GraphiQL with its explorer plugin, a link to Apollo Sandbox) at /graphql (default: on except in production).' }),
      GATEWAY_SUBGRAPH_CONNECTIONS: num({
        default: 64,
        desc: 'Keep-alive connections held at most per subgraph; requests beyond wait for one to be free.',
      }),
      GATEWAY_MERGE_FETCHES: bool({
        default: true,
        desc: 'Send the fetches a request makes to one subgraph at the same moment of its query plan as one operation.',
      }),
      GATEWAY_DEDUPLICATE_FETCHES: bool({
        default: true,
        desc: 'Identical subgraph queries in flight at once (same body, credentials and client address) share one request.',
      }),
      GATEWAY_MERGE_WAIT_MS: num({
        default: 2,
        desc: 'How long a fetch may wait for the same request\'s fetches in flight, so that the fetches they lead to can be merged with it (0: merge only what leaves at the same moment).',
      }),
      GATEWAY_SUBSCRIPTION_QUEUE_LIMIT: num({
        default: 100,
        desc: 'Results held per client subscription for a client reading slower than events come; beyond, the oldest are dropped and counted.',
      }),
      GATEWAY_SUBSCRIPTION_BACKLOG_LIMIT: num({
        default: 1_000,
        desc: 'Upstream events waiting for execution per shared subscription; beyond, the oldest are dropped and counted.',
      }),
    },
    source,
  );
  positiveIntegers(env, ['GATEWAY_SUBSCRIPTION_QUEUE_LIMIT', 'GATEWAY_SUBSCRIPTION_BACKLOG_LIMIT', 'GATEWAY_SUBGRAPH_CONNECTIONS']);
  positiveIntegers(env, ['GATEWAY_MERGE_WAIT_MS'], 0);
  const isProduction = env.NODE_ENV === 'production';
  const events = loadEventBusConfig(source);
  return Object.freeze({
    nodeEnv: env.NODE_ENV as GatewayConfig['nodeEnv'],
    host: env.HOST,
    port: env.PORT,
    metricsPort: env.METRICS_PORT,
    logLevel: env.LOG_LEVEL,
    persistedDocuments: loadPersistedDocumentsConfig(source, {
      production: isProduction,
      eventsKeyPrefix: events.keyPrefix,
      manifestPath: env.PERSISTED_DOCUMENTS_PATH,
    }),
    supergraphPath: env.SUPERGRAPH_PATH,
    subgraphUrls: Object.freeze(subgraphUrlsFrom(source)),
    introspection: env.INTROSPECTION ?? !isProduction,
    explorer: env.EXPLORER ?? !isProduction,
    webApps: env.WEB_APPS,
    accessTokens: Object.freeze({ issuer: env.JWT_ISSUER, audience: env.JWT_AUDIENCE, jwksUrl: env.JWKS_URL }),
    subgraphConnections: env.GATEWAY_SUBGRAPH_CONNECTIONS,
    mergeFetches: env.GATEWAY_MERGE_FETCHES,
    mergeWaitMs: env.GATEWAY_MERGE_WAIT_MS,
    deduplicateFetches: env.GATEWAY_DEDUPLICATE_FETCHES,
    subscriptions: Object.freeze({
      queueLimit: env.GATEWAY_SUBSCRIPTION_QUEUE_LIMIT,
      backlogLimit: env.GATEWAY_SUBSCRIPTION_BACKLOG_LIMIT,
    }),
    events,
    responseCache: loadResponseCacheConfig(source, events.keyPrefix),
    cors: loadCorsConfig(source, isProduction),
    apolloStudio: loadApolloStudioConfig(source),
    trustedProxies: loadTrustedProxies(source),
    rateLimits: loadRateLimitConfig(source, events.keyPrefix),
    apiKeys: loadApiKeysConfig(source, env.JWKS_URL),
    operationLimits: loadOperationLimits(source, isProduction),
  });
}

function positiveIntegers(env: Readonly<Record<string, unknown>>, variables: ReadonlyArray<string>, minimum = 1): void {
  const problems: Record<string, string> = {};
  for (const variable of variables) {
    const value = env[variable];
    if (!Number.isInteger(value) || (value as number) < minimum) {
      problems[variable] = `must be ${minimum === 0 ? 'a whole number (0 or more)' : 'a positive integer'}, got "${String(value)}"`;
    }
  }
  if (Object.keys(problems).length > 0) throw new ConfigError(problems);
}

function subgraphUrlsFrom(source: Record<string, string | undefined>): Record<string, string> {
  const urls: Record<string, string> = {};
  const problems: Record<string, string> = {};
  for (const [variable, value] of Object.entries(source)) {
    const match = SUBGRAPH_URL_VARIABLE.exec(variable);
    if (!match?.[1] || value === undefined) continue;
    try {
      const parsed = new URL(value);
      if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new Error('not http(s)');
      urls[match[1].toLowerCase()] = value;
    } catch {
      problems[variable] = `must be an http(s) URL of the subgraph's /graphql endpoint, got "${value}"`;
    }
  }
  if (Object.keys(problems).length > 0) throw new ConfigError(problems);
  return urls;
}
