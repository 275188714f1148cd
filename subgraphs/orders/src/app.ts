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
import { AddressBook } from './checkout/address-book.client';
import { ProductCatalog } from './checkout/catalog.client';
import type { OrdersConfig } from './config';
import { createContextFactory } from './context';
import { createOrdersOrm } from './database';
import { buildOrdersSchema } from './schema';
import { seedDemoOrders } from './seed/seed';

/** The running orders subgraph, as main.ts, the embedded launcher and the tests drive it. */
export interface OrdersSubgraph extends SubgraphApp {
  readonly name: 'orders';
}

export interface OrdersSubgraphOptions {
  /** Defaults to a JSON logger at the configured level. */
  readonly logger?: Logger;
  /**
   * Where access-token signing keys come from. Defaults to the users subgraph's JWKS at `config.jwksUrl`;
   * tests pass a local key set.
   */
  readonly accessTokenKeys?: JWTVerifyGetKey;
  /** Whether this server reports process-wide metrics (false when several services share one process). */
  readonly processMetrics?: boolean;
  /** The time, for tests; defaults to the system clock. */
  readonly clock?: () => Date;
}

/**
 * The composition root (STYLE.md §2): the ORM, the token verifier, the clients of the users and products
 * subgraphs, the schema and the HTTP server, wired once. Opens the database pool; does not migrate, seed or
 * listen (the caller decides), and calls no other service until a request needs one.
 */
export async function createOrdersSubgraph(config: OrdersConfig, options: OrdersSubgraphOptions = {}): Promise<OrdersSubgraph> {
  const logger = options.logger ?? createLogger({ name: 'orders', level: config.logLevel });
  const orm = await createOrdersOrm({ databaseUrl: config.databaseUrl, poolMax: config.databasePoolMax, logger });
  try {
    const verifier = createAccessTokenVerifier({
      keys: options.accessTokenKeys ?? new URL(config.jwksUrl),
      issuer: config.jwtIssuer,
      audience: config.jwtAudience,
    });
    const timeoutMs = config.serviceTimeoutMs;
    const catalog = new ProductCatalog(createServiceClient({ name: 'products', url: config.productsUrl, timeoutMs, logger }));
    const addressBook = new AddressBook(createServiceClient({ name: 'users', url: config.usersUrl, timeoutMs, logger }));
    const server = await createSubgraphServer({
      name: 'orders',
      schema: await buildOrdersSchema(),
      logger,
      createContext: createContextFactory({ orm, verifier, catalog, addressBook, clock: options.clock ?? (() => new Date()) }),
      isReady: () => isDatabaseReachable(orm),
      processMetrics: options.processMetrics ?? true,
    });
    return {
      name: 'orders',
      orm,
      migrate: () => migrate(orm),
      seed: () => seedDemoOrders(orm, logger),
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
