import { ConfigError, createLogger, defaultMetricsPort, loadTracingConfig, readWorkerCount, runClusteredService } from '@techally/platform';
import { createGateway } from './app';
import { loadGatewayConfig } from './config';

/**
 * `node dist/main.js`: one gateway process, or GATEWAY_WORKERS workers sharing its port (see
 * runClusteredService); N of them run behind a load balancer in production. A gateway keeps no state a worker
 * must share: each plans, fetches and fans out its own subscriptions.
 */
async function main(): Promise<void> {
  const config = loadGatewayConfig();
  const workers = readWorkerCount('GATEWAY_WORKERS');
  const logger = createLogger({ name: 'gateway', level: config.logLevel as never });
  await runClusteredService({
    name: 'gateway',
    workers,
    logger,
    create: () => createGateway(config, { logger }),
    listen: (gateway) => gateway.listen(),
    stop: (gateway) => gateway.stop(),
    metrics: { port: config.metricsPort ?? defaultMetricsPort(config.port), host: config.host },
    tracing: loadTracingConfig('gateway'),
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
