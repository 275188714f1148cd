/**
 * One payments process: `node dist/main.js`. Reads the environment, migrates once, serves from one process or
 * SUBGRAPH_WORKERS workers (they share the database, and Redis carries the events between them); drains on SIGTERM.
 * Seeding is the launchers' business (`pnpm start`, `SEED_DEMO_DATA=true pnpm start:services`), never a production start's.
 */
import { ConfigError, loadTracingConfig, createLogger, readWorkerCount, runSubgraphProcess } from '@techally/platform';
import { createPaymentsSubgraph, loadPaymentsConfig } from './index';

async function main(): Promise<void> {
  const config = loadPaymentsConfig();
  const requested = readWorkerCount('SUBGRAPH_WORKERS', process.env, ['DATABASE_URL', 'REDIS_URL']);
  const logger = createLogger({ name: 'payments', level: config.logLevel });
  // The simulated provider keeps its intents in the memory of the process that opened them: a confirmation
  // reaching another worker would find none. Stripe keeps them for every worker.
  const workers = config.paymentProvider === 'simulated' ? 1 : requested;
  if (workers < requested) {
    logger.warn({ requested }, 'SUBGRAPH_WORKERS ignored: the simulated payment provider keeps its intents in one process, so payments runs one');
  }
  await runSubgraphProcess({ name: 'payments', tracing: loadTracingConfig('payments'), config, workers, logger, create: () => createPaymentsSubgraph(config, { logger }) });
}

main().catch((error: unknown) => {
  // A ConfigError's message names each bad variable: print just that, an operator needs no stack for it.
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
