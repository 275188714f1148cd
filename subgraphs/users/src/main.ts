import {
  ConfigError,
  createLogger,
  loadTracingConfig,
  readWorkerCount,
  runSubgraphProcess,
  startEmbeddedPostgres,
  type EmbeddedPostgres,
} from '@techally/platform';
import { createUsersSubgraph, loadUsersConfig, type UsersConfig } from '.';

/** Where a standalone development start keeps its embedded database (the all-in-one start has its own). */
const EMBEDDED_DATA_DIR = '.data/users-postgres';

/**
 * `node dist/main.js`: one users subgraph process, or SUBGRAPH_WORKERS workers (see runSubgraphProcess). Without
 * DATABASE_URL (development only, config refuses it in production) it runs on an embedded PGlite with the demo
 * customers, in one process.
 */
async function main(): Promise<void> {
  const config = loadUsersConfig();
  const workers = readWorkerCount('SUBGRAPH_WORKERS', process.env, ['DATABASE_URL']);
  if (workers > 1 && !config.accessToken.signingKeyPem && !config.accessToken.signingKeyFile) {
    // Each worker would sign with an ephemeral key of its own, which the others' JWKS does not list.
    throw new ConfigError({ SUBGRAPH_WORKERS: `${workers} users workers need JWT_SIGNING_KEY or JWT_SIGNING_KEY_FILE, one key for all` });
  }
  const logger = createLogger({ name: 'users', level: config.logLevel });
  let embedded: EmbeddedPostgres | undefined;

  await runSubgraphProcess({
    name: 'users',
    tracing: loadTracingConfig('users'),
    config,
    workers,
    logger,
    async create() {
      let effective: UsersConfig = config;
      if (!config.databaseUrl) {
        embedded = await startEmbeddedPostgres({ dataDir: EMBEDDED_DATA_DIR, maxConnections: 2 });
        // PGlite has one session: one connection (README.md, Design decisions).
        effective = { ...config, databaseUrl: embedded.url, databasePoolMax: 1 };
        logger.warn({ dataDir: EMBEDDED_DATA_DIR }, 'DATABASE_URL is not set: using an embedded PGlite');
      }
      const users = await createUsersSubgraph(effective, { logger });
      return {
        ...users,
        get metricsUrl() {
          return users.metricsUrl;
        },
        async stop() {
          await users.stop();
          await embedded?.stop();
        },
      };
    },
    async prepare(users) {
      await users.migrate();
      if (embedded) await users.seed();
    },
  });
}

main().catch((error: unknown) => {
  // A ConfigError's message names the variables; a stack trace would only hide it.
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
