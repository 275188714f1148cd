import {
  createAccessTokenVerifier,
  createLogger,
  createServiceClient,
  createSubgraphServer,
  isDatabaseReachable,
  migrate,
  type Logger,
  type SubgraphApp,
} from '@techally/platform';
import type { JWTVerifyGetKey } from 'jose';
import type { InventoryConfig } from './config';
import { createContextFactory } from './context';
import { createInventoryOrm } from './database';
import { createProductCatalog } from './product/product-catalog';
import { buildInventorySchema } from './schema';
import { seedInventory } from './seed/seed';

/** The running inventory subgraph, as main.ts, the embedded launcher and the tests drive it. */
export interface InventorySubgraph extends SubgraphApp {
  readonly name: 'inventory';
}

export interface InventorySubgraphOptions {
  /** Defaults to a JSON logger at the configured level. */
  readonly logger?: Logger;
  /**
   * Where access-token signing keys come from. Defaults to the users subgraph's JWKS at `config.jwksUrl`;
   * tests pass a local key set.
   */
  readonly accessTokenKeys?: JWTVerifyGetKey;
  /** Whether this server reports process-wide metrics (false when several services share one process). */
  readonly processMetrics?: boolean;
}

/**
 * The composition root (STYLE.md §2): the ORM, the token verifier, the products client, the schema and the
 * HTTP server, wired once. Opens the database pool; does not migrate, seed or listen (the caller decides).
 */
export async function createInventorySubgraph(
  config: InventoryConfig,
  options: InventorySubgraphOptions = {},
): Promise<InventorySubgraph> {
  const logger = options.logger ?? createLogger({ name: 'inventory', level: config.logLevel });
  const orm = await createInventoryOrm({ databaseUrl: config.databaseUrl, poolMax: config.databasePoolMax, logger });
  try {
    const verifier = createAccessTokenVerifier({
      keys: options.accessTokenKeys ?? new URL(config.jwksUrl),
      issuer: config.jwtIssuer,
      audience: config.jwtAudience,
    });
    const catalog = createProductCatalog(
      createServiceClient({ name: 'products', url: config.productsUrl, timeoutMs: config.serviceTimeoutMs, logger }),
    );
    const server = await createSubgraphServer({
      name: 'inventory',
      schema: await buildInventorySchema(),
      logger,
      createContext: createContextFactory({ orm, verifier, catalog }),
      isReady: () => isDatabaseReachable(orm),
      processMetrics: options.processMetrics ?? true,
    });
    return {
      name: 'inventory',
      orm,
      migrate: () => migrate(orm),
      seed: () => seedInventory(orm, logger),
      listen: (port, host) => server.listen(port, host ?? config.host),
      async stop() {
        await server.stop();
        await orm.close();
      },
    };
  } catch (error) {
    // Nothing else owns the pool yet: close it, or a failed start keeps the process alive.
    await orm.close();
    throw error;
  }
}
