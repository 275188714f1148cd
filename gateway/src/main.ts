import { ConfigError, createLogger, stopOnTerminationSignals } from '@techally/platform';
import { createGateway } from './app';
import { loadGatewayConfig } from './config';

/** `node dist/main.js`: one gateway process (N of them run behind a load balancer in production). */
async function main(): Promise<void> {
  const config = loadGatewayConfig();
  const logger = createLogger({ name: 'gateway', level: config.logLevel as never });
  const gateway = await createGateway(config, { logger });
  const url = await gateway.listen();
  logger.info({ url }, 'gateway ready');
  stopOnTerminationSignals(() => gateway.stop(), logger);
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
