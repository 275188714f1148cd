import { createLogger } from '@techally/platform';
import { createGateway } from './app';
import { loadGatewayConfig } from './config';

/** `node dist/main.js`: one gateway process (N of them run behind a load balancer in production). */
async function main(): Promise<void> {
  const config = loadGatewayConfig();
  const logger = createLogger({ name: 'gateway', level: config.logLevel as never });
  const gateway = await createGateway(config, { logger });
  const url = await gateway.listen();
  logger.info({ url }, 'gateway ready');
  const shutDown = (signal: string) => {
    logger.info({ signal }, 'draining');
    gateway.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'unclean shutdown');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => shutDown('SIGTERM'));
  process.once('SIGINT', () => shutDown('SIGINT'));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
