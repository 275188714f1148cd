import { openEventBus, outboxRelayWorker, type EventBusOption } from '@techally/events';
import {
  assembleSubgraph,
  createLogger,
  type SubgraphApp,
  type SubgraphAppOptions,
} from '@techally/platform';
import type { ProductsConfig } from './config';
import { createContextFactory } from './context';
import { createProductsOrm } from './database';
import { buildProductsSchema } from './schema';
import { seedCatalog } from './seed/seed';

/** The running products subgraph, as main.ts, the embedded launcher and the tests drive it. */
export interface ProductsSubgraph extends SubgraphApp {
  readonly name: 'products';
}

export type ProductsSubgraphOptions = SubgraphAppOptions & EventBusOption;

/**
 * The composition root (README.md, House style): the ORM, the event bus and the request context wired into the
 * platform's subgraph assembly, with the outbox relay (which publishes the catalogue's events after their
 * commit) as a background worker: started by `listen`, stopped before the pool closes, the bus closed last.
 * Opens the database pool (and the bus unless one is injected); does not migrate, seed or listen.
 */
export async function createProductsSubgraph(
  config: ProductsConfig,
  options: ProductsSubgraphOptions = {},
): Promise<ProductsSubgraph> {
  const logger = options.logger ?? createLogger({ name: 'products', level: config.logLevel });
  const orm = await createProductsOrm({ databaseUrl: config.databaseUrl, poolMax: config.databasePoolMax, logger });
  // Opened after the ORM: from here on assembleSubgraph closes both if anything fails.
  const { bus, close: closeBus } = openEventBus(config.events, options.bus, { logger });
  return assembleSubgraph({
    name: 'products',
    config,
    orm,
    logger,
    options,
    buildSchema: buildProductsSchema,
    createContext: (verifier) => createContextFactory({ orm, verifier }),
    seed: () => seedCatalog(orm, logger),
    workers: [outboxRelayWorker({ orm, bus, logger, config: config.events })],
    closeables: [closeBus],
  });
}
