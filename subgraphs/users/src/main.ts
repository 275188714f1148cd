import {
  ConfigError,
  createLogger,
  startEmbeddedPostgres,
  stopOnTerminationSignals,
  type EmbeddedPostgres,
} from '@techally/platform';
import { createUsersSubgraph, loadUsersConfig, type UsersConfig } from '.';

/** Where a standalone development start keeps its embedded database (the all-in-one start has its own). */
const EMBEDDED_DATA_DIR = '.data/users-postgres';

/**
 * `node dist/main.js`: one users subgraph process. Without DATABASE_URL (development only, config refuses it
 * in production) it runs on an embedded PGlite with the demo customers.
 */
async function main(): Promise<void> {
  const config = loadUsersConfig();
  const logger = createLogger({ name: 'users', level: config.logLevel });
  let embedded: EmbeddedPostgres | undefined;
  let effective: UsersConfig = config;
  if (!config.databaseUrl) {
    embedded = await startEmbeddedPostgres({ dataDir: EMBEDDED_DATA_DIR, maxConnections: 2 });
    // PGlite has one session: one connection (README.md, Design decisions).
    effective = { ...config, databaseUrl: embedded.url, databasePoolMax: 1 };
    logger.warn({ dataDir: EMBEDDED_DATA_DIR }, 'DATABASE_URL is not set: using an embedded PGlite');
  }

  const users = await createUsersSubgraph(effective, { logger });
  await users.migrate();
  if (embedded) await users.seed();
  const url = await users.listen(config.port, config.host);
  logger.info({ url }, 'users subgraph listening');

  stopOnTerminationSignals(async () => {
    await users.stop();
    await embedded?.stop();
  }, logger);
}

main().catch((error: unknown) => {
  // A ConfigError's message names the variables; a stack trace would only hide it.
  console.error(error instanceof ConfigError ? error.message : error);
  process.exitCode = 1;
});
