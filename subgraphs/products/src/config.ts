import { accessTokenEnv, databaseEnv, port, readEnv, serviceEnv } from '@techally/platform';

/** The environment this subgraph reads; see README.md for the table. */
const productsEnv = {
  ...serviceEnv,
  ...databaseEnv,
  ...accessTokenEnv,
  PRODUCTS_PORT: port({ default: 4002, desc: 'Port the products subgraph listens on.' }),
};

/** The products subgraph's settings, read and validated once at start (STYLE.md §3). */
export interface ProductsConfig {
  readonly nodeEnv: 'development' | 'test' | 'production';
  readonly host: string;
  readonly port: number;
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  readonly databaseUrl: string;
  readonly databasePoolMax: number;
  readonly jwtIssuer: string;
  readonly jwtAudience: string;
  readonly jwksUrl: string;
}

/**
 * Reads the products configuration from `source` (process.env by default). The only reader of the
 * environment in this package; throws a ConfigError naming every missing or malformed variable.
 */
export function loadProductsConfig(source: Record<string, string | undefined> = process.env): ProductsConfig {
  const env = readEnv(productsEnv, source);
  return Object.freeze({
    nodeEnv: env.NODE_ENV as ProductsConfig['nodeEnv'],
    host: env.HOST,
    port: env.PRODUCTS_PORT,
    logLevel: env.LOG_LEVEL as ProductsConfig['logLevel'],
    databaseUrl: env.DATABASE_URL,
    databasePoolMax: env.DATABASE_POOL_MAX,
    jwtIssuer: env.JWT_ISSUER,
    jwtAudience: env.JWT_AUDIENCE,
    jwksUrl: env.JWKS_URL,
  });
}
