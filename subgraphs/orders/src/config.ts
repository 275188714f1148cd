import { port, readEnv, type SubgraphBaseConfig, subgraphBaseConfig, subgraphEnv, subgraphUrl } from '@techally/platform';

/** The environment this subgraph reads; see README.md for the table. */
const ordersEnv = {
  ...subgraphEnv,
  ORDERS_PORT: port({ default: 4004, desc: 'Port the orders subgraph listens on.' }),
  SUBGRAPH_USERS_URL: subgraphUrl(
    4001,
    'The users subgraph: the caller’s shipping addresses, asked with their forwarded token.',
  ),
  SUBGRAPH_PRODUCTS_URL: subgraphUrl(
    4002,
    'The products subgraph: prices, names, SKUs and weights at the moment an order is placed.',
  ),
};

/** The orders subgraph's settings, read and validated once at start (STYLE.md §3). */
export interface OrdersConfig extends SubgraphBaseConfig {
  readonly usersUrl: string;
  readonly productsUrl: string;
}

/**
 * Reads the orders configuration from `source` (process.env by default). The only reader of the environment
 * in this package; throws a ConfigError naming every missing or malformed variable.
 */
export function loadOrdersConfig(source: Record<string, string | undefined> = process.env): OrdersConfig {
  const env = readEnv(ordersEnv, source);
  return Object.freeze({
    ...subgraphBaseConfig(env, env.ORDERS_PORT),
    usersUrl: env.SUBGRAPH_USERS_URL,
    productsUrl: env.SUBGRAPH_PRODUCTS_URL,
  });
}
