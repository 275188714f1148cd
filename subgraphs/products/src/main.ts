/**
 * One products process: `node dist/main.js`. Reads the environment, migrates, serves; drains on SIGTERM.
 * Seeding is the embedded launcher's business, never a production start's.
 */
import { ConfigError, createLogger } from '@techally/platform';
import { createProductsSubgraph, loadProductsConfig } from './index';

/** Below Kubernetes' default 30 s grace period, so we exit on our own terms rather than by SIGKILL. */
const STOP_DEADLINE_MS = 25_000;

async function main(): Promise<void> {
  const config = loadProductsConfig();
  const logger = createLogger({ name: 'products', level: config.logLevel });
  const subgraph = await createProductsSubgraph(config, { logger });
  await subgraph.migrate();
  const url = await subgraph.listen(config.port, config.host);
  logger.info({ url }, 'products subgraph ready');

  let stopping = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'draining in-flight requests, then stopping');
    // A stop that hangs (a stuck client connection) must not keep the process alive indefinitely.
    setTimeout(() => {
      logger.error({ deadlineMs: STOP_DEADLINE_MS }, 'stop did not finish in time; exiting');
      process.exit(1);
    }, STOP_DEADLINE_MS).unref();
    subgraph.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'unclean stop');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}

main().catch((error: unknown) => {
  // A ConfigError's message names each bad variable: print just that, an operator needs no stack for it.
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
