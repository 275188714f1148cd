import {
  createAccessTokenVerifier,
  createLogger,
  createOrm,
  createSubgraphServer,
  isDatabaseReachable,
  migrate,
  type Logger,
  type RequestInfo,
  type SubgraphApp,
} from '@techally/platform';
import type { JWTVerifyGetKey } from 'jose';
import type { OrdersConfig } from './config';
import { buildOrdersSchema } from './schema';

/** The running orders subgraph, as main.ts, the embedded launcher and the tests drive it. */
export interface OrdersSubgraph extends SubgraphApp {
  readonly name: 'orders';
}

export interface OrdersSubgraphOptions {
  readonly logger?: Logger;
  readonly accessTokenKeys?: JWTVerifyGetKey;
  readonly processMetrics?: boolean;
}

/** Skeleton composition root; the real one follows. */
export async function createOrdersSubgraph(config: OrdersConfig, options: OrdersSubgraphOptions = {}): Promise<OrdersSubgraph> {
  const logger = options.logger ?? createLogger({ name: 'orders', level: config.logLevel });
  const orm = await createOrm({ schema: 'orders', databaseUrl: config.databaseUrl, entities: [], migrations: [], poolMax: config.databasePoolMax, logger });
  try {
    const verifier = createAccessTokenVerifier({
      keys: options.accessTokenKeys ?? new URL(config.jwksUrl),
      issuer: config.jwtIssuer,
      audience: config.jwtAudience,
    });
    const server = await createSubgraphServer({
      name: 'orders',
      schema: await buildOrdersSchema(),
      logger,
      createContext: async (request: RequestInfo) => ({ ...request, viewer: await verifier.viewerFromAuthorization(request.headers.authorization) }),
      isReady: () => isDatabaseReachable(orm),
      processMetrics: options.processMetrics ?? true,
    });
    return {
      name: 'orders',
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
