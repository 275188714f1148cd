import { port, readEnv, type SubgraphBaseConfig, subgraphBaseConfig, subgraphEnv } from '@techally/platform';

/** The environment this subgraph reads; see README.md for the table. */
const productsEnv = {
  ...subgraphEnv,
  PRODUCTS_PORT: port({ default: 4002, desc: 'Port the products subgraph listens on.' }),
};

/** The products subgraph's settings, read and validated once at start (README.md, House style). */
export type ProductsConfig = SubgraphBaseConfig;

/**
 * Reads the products configuration from `source` (process.env by default). The only reader of the
 * environment in this package; throws a ConfigError naming every missing or malformed variable.
 */
export function loadProductsConfig(source: Record<string, string | undefined> = process.env): ProductsConfig {
  const env = readEnv(productsEnv, source);
  return Object.freeze({
    ...subgraphBaseConfig(env, env.PRODUCTS_PORT),
  });
}
