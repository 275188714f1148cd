import { accessTokenEnv, databaseEnv, num, port, readEnv, serviceEnv, url } from '@techally/platform';

/** The environment this subgraph reads; see README.md for the table. */
const ordersEnv = {
  ...serviceEnv,
  ...databaseEnv,
  ...accessTokenEnv,
  ORDERS_PORT: port({ default: 4004, desc: 'Port the orders subgraph listens on.' }),
  SUBGRAPH_USERS_URL: url({
    default: 'http://127.0.0.1:4001/graphql',
    desc: 'The users subgraph: the caller’s shipping addresses, asked with their forwarded token.',
  }),
  SUBGRAPH_PRODUCTS_URL: url({
    default: 'http://127.0.0.1:4002/graphql',
    desc: 'The products subgraph: prices, names, SKUs and weights at the moment an order is placed.',
  }),
  SERVICE_TIMEOUT_MS: num({ default: 5_000, desc: 'How long a call to another subgraph may take before SERVICE_UNAVAILABLE.' }),
};

/** The orders subgraph's settings, read and validated once at start (STYLE.md §3). */
export interface OrdersConfig {
  readonly nodeEnv: 'development' | 'test' | 'production';
  readonly host: string;
  readonly port: number;
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  readonly databaseUrl: string;
  readonly databasePoolMax: number;
  readonly jwtIssuer: string;
  readonly jwtAudience: string;
  readonly jwksUrl: string;
  readonly usersUrl: string;
  readonly productsUrl: string;
  readonly serviceTimeoutMs: number;
}

/**
 * Reads the orders configuration from `source` (process.env by default). The only reader of the environment
 * in this package; throws a ConfigError naming every missing or malformed variable.
 */
export function loadOrdersConfig(source: Record<string, string | undefined> = process.env): OrdersConfig {
  const env = readEnv(ordersEnv, source);
  return Object.freeze({
    nodeEnv: env.NODE_ENV as OrdersConfig['nodeEnv'],
    host: env.HOST,
    port: env.ORDERS_PORT,
    logLevel: env.LOG_LEVEL as OrdersConfig['logLevel'],
    databaseUrl: env.DATABASE_URL,
    databasePoolMax: env.DATABASE_POOL_MAX,
    jwtIssuer: env.JWT_ISSUER,
    jwtAudience: env.JWT_AUDIENCE,
    jwksUrl: env.JWKS_URL,
    usersUrl: env.SUBGRAPH_USERS_URL,
    productsUrl: env.SUBGRAPH_PRODUCTS_URL,
    serviceTimeoutMs: env.SERVICE_TIMEOUT_MS,
  });
}
