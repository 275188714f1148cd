/**
 * One recommendations process: `node dist/main.js`. Reads the environment, migrates once, serves from one process or
 * SUBGRAPH_WORKERS workers (its workers share the database, and Redis carries the events between them); drains on SIGTERM.
 * Seeding is the launchers' business (`pnpm start`, `SEED_DEMO_DATA=true pnpm start:services`), never a production start's.
 */
import { ConfigError, loadTracingConfig, createLogger, readWorkerCount, runSubgraphProcess } from '@techally/platform';
import { createRecommendationsSubgraph, loadRecommendationsConfig } from './index';

async function main(): Promise<void> {
  const config = loadRecommendationsConfig();
  const workers = readWorkerCount('SUBGRAPH_WORKERS', process.env, ['DATABASE_URL', 'REDIS_URL']);
  const logger = createLogger({ name: 'recommendations', level: config.logLevel });
  await runSubgraphProcess({ name: 'recommendations', tracing: loadTracingConfig('recommendations'), config, workers, logger, create: () => createRecommendationsSubgraph(config, { logger }) });
}

main().catch((error: unknown) => {
  // A ConfigError's message names each bad variable: print just that, an operator needs no stack for it.
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
