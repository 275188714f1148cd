import {
  createAccessTokenVerifier,
  createLogger,
  createSubgraphServer,
  isDatabaseReachable,
  migrate,
  type Logger,
  type SubgraphApp,
} from '@techally/platform';
import type { JWTVerifyGetKey } from 'jose';
import type { ProductsConfig } from './config';
import { createContextFactory } from './context';
import { createProductsOrm } from './database';
import { buildProductsSchema } from './schema';
import { seedCatalog } from './seed/seed';

/** The running products subgraph, as main.ts, the embedded launcher and the tests drive it. */
export interface ProductsSubgraph extends SubgraphApp {
  readonly name: 'products';
}

export interface ProductsSubgraphOptions {
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
 * The composition root (STYLE.md §2): the ORM, the token verifier, the schema and the HTTP server, wired once.
 * Opens the database pool; does not migrate, seed or listen (the caller decides).
 */
export async function createProductsSubgraph(
  config: ProductsConfig,
  options: ProductsSubgraphOptions = {},
): Promise<ProductsSubgraph> {
  const logger = options.logger ?? createLogger({ name: 'products', level: config.logLevel });
  const orm = await createProductsOrm({ databaseUrl: config.databaseUrl, poolMax: config.databasePoolMax, logger });
  try {
    const verifier = createAccessTokenVerifier({
      keys: options.accessTokenKeys ?? new URL(config.jwksUrl),
      issuer: config.jwtIssuer,
      audience: config.jwtAudience,
    });
    const server = await createSubgraphServer({
      name: 'products',
      schema: await buildProductsSchema(),
      logger,
      createContext: createContextFactory({ orm, verifier }),
      isReady: () => isDatabaseReachable(orm),
      processMetrics: options.processMetrics ?? true,
    });
    return {
      name: 'products',
      orm,
      migrate: () => migrate(orm),
      seed: () => seedCatalog(orm, logger),
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
