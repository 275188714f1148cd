import { createLogger, createSubgraphServer, isDatabaseReachable, migrate, type Logger, type SubgraphApp } from '@techally/platform';
import type { JWTVerifyGetKey } from 'jose';
import type { PaymentsConfig } from './config';
import { createPaymentsOrm } from './database';
import { buildPaymentsSchema } from './schema';

export interface PaymentsSubgraph extends SubgraphApp {
  readonly name: 'payments';
}

export interface PaymentsSubgraphOptions {
  readonly logger?: Logger;
  readonly accessTokenKeys?: JWTVerifyGetKey;
  readonly processMetrics?: boolean;
}

/** Skeleton composition root; the payment domain lands next. */
export async function createPaymentsSubgraph(config: PaymentsConfig, options: PaymentsSubgraphOptions = {}): Promise<PaymentsSubgraph> {
  const logger = options.logger ?? createLogger({ name: 'payments', level: config.logLevel });
  const orm = await createPaymentsOrm({ databaseUrl: config.databaseUrl, poolMax: config.databasePoolMax, logger });
  try {
    const server = await createSubgraphServer({
      name: 'payments',
      schema: await buildPaymentsSchema(),
      logger,
      createContext: async (request) => request,
      isReady: () => isDatabaseReachable(orm),
      processMetrics: options.processMetrics ?? true,
    });
    return {
      name: 'payments',
      orm,
      migrate: () => migrate(orm),
      seed: async () => undefined,
      listen: (port, host) => server.listen(port, host ?? config.host),
      async stop() {
        await server.stop();
        await orm.close();
      },
    };
  } catch (error) {
    await orm.close();
    throw error;
  }
}
