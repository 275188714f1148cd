import type { EntityManager } from '@mikro-orm/postgresql';
import { openEventBus, outboxRelayWorker, type EventBusOption } from '@techally/events';
import {
  API_KEY_LOOKUP_PATH,
  ConfigError,
  createAccessTokenVerifier,
  createApiKeyRevocations,
  createLogger,
  createOrm,
  createSubgraphServer,
  isDatabaseReachable,
  migrate,
  startWorkers,
  type AccessTokenVerifier,
  type ApiKeyRevocations,
  type Logger,
  type SubgraphApp,
} from '@techally/platform';
import { createLocalJWKSet, type JSONWebKeySet } from 'jose';
import { OWASP_ARGON2, type UsersConfig } from './config';
import { apiKeyLookupRoute } from './api-key/api-key-lookup.route';
import { createApiKeyService, createUsersContext, type UsersRuntime } from './context';
import { USERS_ENTITIES } from './entities';
import { buildUsersSchema } from './schema';
import { seedDemoCustomers } from './seed';
import { createAccessTokenIssuer } from './session/access-token.issuer';
import { JWKS_PATH, jwksRoute } from './session/jwks.route';
import { loadSigningKey } from './session/signing-key';
import { ensureAdmin } from './user/admin.bootstrap';
import { createPasswordHasher } from './user/password.hasher';

/** The users subgraph, as main.ts, the embedded launcher and the tests drive it. */
export interface UsersSubgraph extends SubgraphApp {
  readonly name: 'users';
  /** The public signing keys, as served at `/.well-known/jwks.json`. */
  readonly jwks: JSONWebKeySet;
  /** Verifies this subgraph's access tokens with its own keys (no HTTP). */
  readonly verifier: AccessTokenVerifier;
}

export interface UsersSubgraphOptions extends EventBusOption {
  readonly logger?: Logger;
  /** Whether this server reports process-wide metrics (CPU, memory); false for all but one per process. */
  readonly processMetrics?: boolean;
  /** The time, for tests that need a lock or a token to run out without waiting. */
  readonly clock?: () => Date;
  /**
   * Where API-key revocations are announced: the embedded start hands the users subgraph and the gateway ONE
   * in-memory channel. Otherwise opened from REDIS_URL (memory without it), and closed by `stop()`.
   */
  readonly apiKeyRevocations?: ApiKeyRevocations;
}

/**
 * The composition root (README.md, House style): opens the ORM, loads the signing key, builds the schema and the HTTP
 * server. Nothing listens and nothing is written until `migrate`, `seed` or `listen` is called.
 */
export async function createUsersSubgraph(config: UsersConfig, options: UsersSubgraphOptions = {}): Promise<UsersSubgraph> {
  if (!config.databaseUrl) {
    throw new ConfigError({ DATABASE_URL: 'is required here (main.ts starts an embedded database when it is unset)' });
  }
  const logger = options.logger ?? createLogger({ name: 'users', level: config.logLevel });
  const clock = options.clock ?? (() => new Date());
  warnAboutWeakHashing(config, logger);

  const signingKey = await loadSigningKey(config.accessToken, logger);
  const jwks: JSONWebKeySet = { keys: [signingKey.publicJwk] };
  const verifier = createAccessTokenVerifier({
    keys: createLocalJWKSet(jwks),
    issuer: config.accessToken.issuer,
    audience: config.accessToken.audience,
  });
  const hasher = createPasswordHasher(config.argon2);
  const schema = await buildUsersSchema();

  const ownRevocations = options.apiKeyRevocations
    ? null
    : createApiKeyRevocations({ redisUrl: config.apiKeys.redisUrl, keyPrefix: config.apiKeys.keyPrefix, logger });
  const apiKeyRevocations = options.apiKeyRevocations ?? (ownRevocations as ApiKeyRevocations);
  if (config.nodeEnv === 'production' && !options.apiKeyRevocations && !config.apiKeys.redisUrl) {
    // Not refused: a process running the gateway too passes its channel. Alone, this one reaches no gateway.
    logger.warn('REDIS_URL is not set: API-key revocations reach no gateway process; they drop a revoked key only when their cache entry ends (30 s)');
  }
  const orm = await createOrm({
    schema: 'users',
    databaseUrl: config.databaseUrl,
    entities: USERS_ENTITIES,
    migrations: () => import('./migrations/index.js').then((module) => module.USERS_MIGRATIONS),
    poolMax: config.databasePoolMax,
    logger,
  });
  // Opened after the ORM; closed by stop(), after the relay stopped and the pool closed (unless injected).
  const { bus, close: closeBus } = openEventBus(config.events, options.bus, { logger });
  // Publishes users.user-registered.v1 / user-changed.v1 after each commit (issue #14); started by listen().
  const relay = outboxRelayWorker({ orm, bus, logger, config: config.events });
  const runtime: UsersRuntime = {
    orm,
    verifier,
    hasher,
    accessTokens: createAccessTokenIssuer({
      key: signingKey,
      issuer: config.accessToken.issuer,
      audience: config.accessToken.audience,
      ttlSeconds: config.accessToken.ttlSeconds,
      clock,
    }),
    loginThrottle: config.loginThrottle,
    refreshTokenTtlDays: config.refreshTokenTtlDays,
    clock,
    apiKeyRevocations,
    logger,
  };
  const server = await createSubgraphServer({
    name: 'users',
    schema,
    logger,
    createContext: (request) => createUsersContext(runtime, request),
    isReady: () => isDatabaseReachable(orm),
    routes: {
      [JWKS_PATH]: jwksRoute(jwks.keys),
      [API_KEY_LOOKUP_PATH]: apiKeyLookupRoute({
        service: () => createApiKeyService(runtime, orm.em.fork() as EntityManager),
        secret: config.apiKeys.lookupSecret,
      }),
    },
    processMetrics: options.processMetrics ?? true,
  }).catch(async (error: unknown) => {
    await orm.close();
    await closeBus();
    await ownRevocations?.close();
    throw error;
  });
  let stopWorkers: (() => Promise<void>) | null = null;
  const fork = () => orm.em.fork() as EntityManager;
  logger.info({ kid: signingKey.kid, keySource: signingKey.source }, 'users subgraph created');

  return {
    name: 'users',
    orm,
    jwks,
    verifier,
    migrate: () => migrate(orm),
    seed: () => seedDemoCustomers(fork(), hasher, logger),
    get metricsUrl() {
      return server.metricsUrl;
    },
    async listen(port, host) {
      // Before serving, so the first administrator can log in as soon as the port answers.
      if (config.admin) await ensureAdmin(fork(), hasher, config.admin, logger);
      const url = await server.listen(port, host, config.metricsPort);
      stopWorkers ??= await startWorkers([relay]);
      return url;
    },
    async stop() {
      await server.stop();
      await stopWorkers?.();
      stopWorkers = null;
      await orm.close();
      await closeBus();
      await ownRevocations?.close();
    },
  };
}

function warnAboutWeakHashing(config: UsersConfig, logger: Logger): void {
  const { memoryCost, timeCost } = config.argon2;
  if (config.nodeEnv === 'production' && (memoryCost < OWASP_ARGON2.memoryCost || timeCost < OWASP_ARGON2.timeCost)) {
    logger.warn({ argon2: config.argon2 }, 'argon2id parameters are below the OWASP baseline (ARGON2_MEMORY_KIB=19456, ARGON2_TIME_COST=2)');
  }
}
