import { port, readEnv, type SubgraphBaseConfig, subgraphBaseConfig, subgraphEnv, subgraphUrl } from '@techally/platform';

/** The environment this subgraph reads; see README.md for the table. */
const inventoryEnv = {
  ...subgraphEnv,
  INVENTORY_PORT: port({ default: 4003, desc: 'Port the inventory subgraph listens on.' }),
  SUBGRAPH_PRODUCTS_URL: subgraphUrl(
    4002,
    'The products subgraph: whether a product an admin adjusts stock for exists.',
  ),
};

/** The inventory subgraph's settings, read and validated once at start (STYLE.md §3). */
export interface InventoryConfig extends SubgraphBaseConfig {
  readonly productsUrl: string;
}

/**
 * Reads the inventory configuration from `source` (process.env by default). The only reader of the
 * environment in this package; throws a ConfigError naming every missing or malformed variable.
 */
export function loadInventoryConfig(source: Record<string, string | undefined> = process.env): InventoryConfig {
  const env = readEnv(inventoryEnv, source);
  return Object.freeze({
    ...subgraphBaseConfig(env, env.INVENTORY_PORT),
    productsUrl: env.SUBGRAPH_PRODUCTS_URL,
  });
}
