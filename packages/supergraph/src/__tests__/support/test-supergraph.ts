import { createGraphQLClient, LogInDocument, type GraphQLClient } from '@techally/web-client';
import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEventBus, loadEventBusConfig, type EventBus } from '@techally/events';
import { createGateway, loadGatewayConfig } from '@techally/gateway';
import { createLogger, memoryRevocations, type SubgraphApp } from '@techally/platform';
import { createTestDatabase, deleteKeys, type TestDatabase } from '@techally/testing';
import { composeSupergraph } from '../../compose-supergraph';
import { subgraphUrlVariable, SUBGRAPHS, type SubgraphDefinition } from '../../subgraph-registry';

export const TEST_ADMIN = { email: 'admin@e2e.test', password: 'e2e owner passphrase 123' } as const;

export interface TestSupergraph {
  readonly gatewayUrl: string;
  /** The gateway's `/metrics` (response cache counters, operations). */
  readonly gatewayMetricsUrl: string;
  readonly subgraphUrls: Readonly<Record<string, string>>;
  readonly apps: Readonly<Record<string, SubgraphApp>>;
  readonly database: TestDatabase;
  /** The bus every subgraph shares: Redis Streams under a prefix of this supergraph's own with REDIS_URL, else memory. */
  readonly bus: EventBus;
  stop(): Promise<void>;
}

export interface TestSupergraphOptions {
  /** Extra subgraphs composed in (a test-only partner subgraph, for example). */
  readonly extraSubgraphs?: ReadonlyArray<SubgraphDefinition & { readonly url: string }>;
  /** Variables for every subgraph and the gateway (a payment provider, a reservation time-out). */
  readonly env?: Readonly<Record<string, string>>;
}

/**
 * The whole supergraph in-process, as in production but on free ports and a database of its own: every
 * subgraph from the registry (migrated and seeded), a supergraph composed for their real URLs, and the gateway.
 */
export async function startTestSupergraph(options: TestSupergraphOptions = {}): Promise<TestSupergraph> {
  const database = await createTestDatabase({ maxConnections: SUBGRAPHS.length * 2 + 2 });
  const logger = createLogger({ name: 'e2e', level: 'silent' });
  const apps: Record<string, SubgraphApp> = {};
  const urls: Record<string, string> = {};
  const stops: Array<() => Promise<void>> = [];
  const env: Record<string, string> = {
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATABASE_URL: database.url,
    DATABASE_POOL_MAX: String(database.poolMax),
    ADMIN_EMAIL: TEST_ADMIN.email,
    ADMIN_PASSWORD: TEST_ADMIN.password,
    // A handful of customers play every scenario and leave orders unpaid: the unpaid-order limits have specs of
    // their own in the orders subgraph.
    MAX_UNPAID_ORDERS_PER_CUSTOMER: '10000',
    MAX_UNPAID_UNITS_PER_PRODUCT: '10000',
    // Cheap hashing: these tests are about the graph, not about argon2's cost.
    ARGON2_MEMORY_KIB: '1024',
    ARGON2_TIME_COST: '1',
    // Each supergraph its own Redis keys, so suites running side by side never see each other's events.
    EVENTS_KEY_PREFIX: `e2e-${randomUUID()}`,
    // On a real PostgreSQL the relays LISTEN and a NOTIFY wakes them for each new row: polling is only their
    // safety net, and at 100 ms a supergraph's relays alone made ~35 transactions a second while idle (issue
    // #10, measured). The embedded PGlite cannot LISTEN: there the poll is what publishes, so it stays quick.
    OUTBOX_POLL_INTERVAL_MS: process.env['DATABASE_URL'] ? '1000' : '100',
    // The edge's budgets are sized for a shop's many clients; here every client is 127.0.0.1. Budgets no scenario
    // reaches keep the limiter on the path without refusing (its own suite: gateway bad-input.rate-limits).
    GATEWAY_RATE_LIMIT_ANONYMOUS: '1000000',
    GATEWAY_RATE_LIMIT_USER: '1000000',
    GATEWAY_RATE_LIMIT_CREDENTIALS: '1000000',
    ...(process.env['REDIS_URL'] ? { REDIS_URL: process.env['REDIS_URL'] } : {}),
    // The whole suite runs with the gateway's response cache on (the default) and off: RESPONSE_CACHE=off pnpm test.
    ...(process.env['RESPONSE_CACHE'] ? { RESPONSE_CACHE: process.env['RESPONSE_CACHE'] } : {}),
    ...(process.env['DATABASE_URL'] ? {} : { OUTBOX_LISTEN: 'false' }),
    // Without SMTP_URL the notifications' emails are .eml files: in the temporary directory, never the repository's.
    MAIL_DIR: join(tmpdir(), `techally-e2e-mail-${randomUUID()}`),
    ...options.env,
  };
  const busConfig = loadEventBusConfig(env);
  const bus = createEventBus(busConfig);
  stops.push(async () => {
    await bus.close();
    if (busConfig.redisUrl) await deleteKeys(busConfig.redisUrl, busConfig.keyPrefix);
  });
  // API-key revocations reach the gateway over REDIS_URL; without it, through one channel in this process.
  const apiKeyRevocations = busConfig.redisUrl ? undefined : memoryRevocations();
  const shared = { bus, ...(apiKeyRevocations ? { apiKeyRevocations } : {}) };
  try {
    for (const definition of SUBGRAPHS) {
      const app = await definition.create(env, logger, shared);
      stops.push(() => app.stop());
      await app.migrate();
      await app.seed();
      urls[definition.name] = await app.listen(0);
      apps[definition.name] = app;
      // Subgraphs start in dependency order; each later one learns where the earlier ones listen.
      env[subgraphUrlVariable(definition.name)] = urls[definition.name]!;
      if (definition.name === 'users') env['JWKS_URL'] = urls['users']!.replace('/graphql', '/.well-known/jwks.json');
    }
    for (const extra of options.extraSubgraphs ?? []) urls[extra.name] = extra.url;
    const graph = await composeSupergraph([...SUBGRAPHS, ...(options.extraSubgraphs ?? [])], (d) => urls[d.name]!);
    const gateway = await createGateway(loadGatewayConfig(env), { logger, supergraphSdl: graph.supergraphSdl, ...shared });
    stops.push(() => gateway.stop());
    const gatewayUrl = await gateway.listen(0);
    return {
      gatewayUrl,
      gatewayMetricsUrl: gateway.metricsUrl as string,
      subgraphUrls: urls,
      apps,
      database,
      bus,
      async stop() {
        for (const stop of stops.reverse()) await stop();
        await database.drop();
      },
    };
  } catch (error) {
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
    await database.drop();
    throw error;
  }
}

/** A client of the supergraph's gateway signed in as `email` (its access token on every request). */
export async function signedInClient(supergraph: Pick<TestSupergraph, 'gatewayUrl'>, email: string, password: string): Promise<GraphQLClient> {
  const session = await createGraphQLClient({ url: supergraph.gatewayUrl }).request(LogInDocument, { email, password });
  return createGraphQLClient({ url: supergraph.gatewayUrl, accessToken: () => session.logIn.accessToken });
}
