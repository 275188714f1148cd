/**
 * One inventory process: `node dist/main.js`. Reads the environment, migrates, serves; drains on SIGTERM.
 * Seeding is the embedded launcher's business, never a production start's.
 */
import { ConfigError, createLogger, stopOnTerminationSignals } from '@techally/platform';
import { createInventorySubgraph, loadInventoryConfig } from './index';

async function main(): Promise<void> {
  const config = loadInventoryConfig();
  const logger = createLogger({ name: 'inventory', level: config.logLevel });
  const subgraph = await createInventorySubgraph(config, { logger });
  await subgraph.migrate();
  const url = await subgraph.listen(config.port, config.host);
  logger.info({ url }, 'inventory subgraph ready');

  stopOnTerminationSignals(() => subgraph.stop(), logger);
}

main().catch((error: unknown) => {
  // A ConfigError's message names each bad variable: print just that, an operator needs no stack for it.
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
