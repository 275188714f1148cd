import type { EventBusOption } from '@techally/events';
import {
  assembleSubgraph,
  createLogger,
  createServiceClient,
  type SubgraphApp,
  type SubgraphAppOptions,
} from '@techally/platform';
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

export type InventorySubgraphOptions = SubgraphAppOptions & EventBusOption;

/**
 * The composition root (STYLE.md §2): the ORM, the products client and the request context wired into the
 * platform's subgraph assembly. Opens the database pool; does not migrate, seed or listen.
 */
export async function createInventorySubgraph(
  config: InventoryConfig,
  options: InventorySubgraphOptions = {},
): Promise<InventorySubgraph> {
  const logger = options.logger ?? createLogger({ name: 'inventory', level: config.logLevel });
  const orm = await createInventoryOrm({ databaseUrl: config.databaseUrl, poolMax: config.databasePoolMax, logger });
  const catalog = createProductCatalog(
    createServiceClient({ name: 'products', url: config.productsUrl, timeoutMs: config.serviceTimeoutMs, logger }),
  );
  return assembleSubgraph({
    name: 'inventory',
    config,
    orm,
    logger,
    options,
    buildSchema: buildInventorySchema,
    createContext: (verifier) => createContextFactory({ orm, verifier, catalog }),
    seed: () => seedInventory(orm, logger),
  });
}
