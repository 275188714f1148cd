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
import type { InventoryConfig } from './config';
import { buildInventorySchema } from './schema';

/** The running inventory subgraph, as main.ts, the embedded launcher and the tests drive it. */
export interface InventorySubgraph extends SubgraphApp {
  readonly name: 'inventory';
}

export interface InventorySubgraphOptions {
  readonly logger?: Logger;
  readonly accessTokenKeys?: JWTVerifyGetKey;
  readonly processMetrics?: boolean;
}

/** Skeleton composition root; the real one follows. */
export async function createInventorySubgraph(
  config: InventoryConfig,
  options: InventorySubgraphOptions = {},
): Promise<InventorySubgraph> {
  const logger = options.logger ?? createLogger({ name: 'inventory', level: config.logLevel });
  const orm = await createOrm({ schema: 'inventory', databaseUrl: config.databaseUrl, entities: [], migrations: [], poolMax: config.databasePoolMax, logger });
  try {
    const verifier = createAccessTokenVerifier({
      keys: options.accessTokenKeys ?? new URL(config.jwksUrl),
      issuer: config.jwtIssuer,
      audience: config.jwtAudience,
    });
    const server = await createSubgraphServer({
      name: 'inventory',
      schema: await buildInventorySchema(),
      logger,
      createContext: async (request: RequestInfo) => ({ ...request, viewer: await verifier.viewerFromAuthorization(request.headers.authorization) }),
      isReady: () => isDatabaseReachable(orm),
      processMetrics: options.processMetrics ?? true,
    });
    return {
      name: 'inventory',
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
