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

export type ProductsSubgraphOptions = SubgraphAppOptions;

/**
 * The composition root (README.md, House style): the ORM and the request context wired into the platform's subgraph
 * assembly. Opens the database pool; does not migrate, seed or listen (the caller decides).
 */
export async function createProductsSubgraph(
  config: ProductsConfig,
  options: ProductsSubgraphOptions = {},
): Promise<ProductsSubgraph> {
  const logger = options.logger ?? createLogger({ name: 'products', level: config.logLevel });
  const orm = await createProductsOrm({ databaseUrl: config.databaseUrl, poolMax: config.databasePoolMax, logger });
  return assembleSubgraph({
    name: 'products',
    config,
    orm,
    logger,
    options,
    buildSchema: buildProductsSchema,
    createContext: (verifier) => createContextFactory({ orm, verifier }),
    seed: () => seedCatalog(orm, logger),
  });
}
