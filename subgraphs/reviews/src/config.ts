import { accessTokenEnv, databaseEnv, num, port, readEnv, serviceEnv, url } from '@techally/platform';

/** The environment this subgraph reads; see README.md for the table. */
const reviewsEnv = {
  ...serviceEnv,
  ...databaseEnv,
  ...accessTokenEnv,
  REVIEWS_PORT: port({ default: 4006, desc: 'Port the reviews subgraph listens on.' }),
  SUBGRAPH_PRODUCTS_URL: url({
    default: 'http://127.0.0.1:4002/graphql',
    desc: 'The products subgraph: whether a product exists and is on sale before a review of it is written.',
  }),
  SERVICE_TIMEOUT_MS: num({ default: 5_000, desc: 'How long a call to another subgraph may take before SERVICE_UNAVAILABLE.' }),
};

/** The reviews subgraph's settings, read and validated once at start (STYLE.md §3). */
export interface ReviewsConfig {
  readonly nodeEnv: 'development' | 'test' | 'production';
  readonly host: string;
  readonly port: number;
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  readonly databaseUrl: string;
  readonly databasePoolMax: number;
  readonly jwtIssuer: string;
  readonly jwtAudience: string;
  readonly jwksUrl: string;
  readonly productsUrl: string;
  readonly serviceTimeoutMs: number;
}

/**
 * Reads the reviews configuration from `source` (process.env by default). The only reader of the environment
 * in this package; throws a ConfigError naming every missing or malformed variable.
 */
export function loadReviewsConfig(source: Record<string, string | undefined> = process.env): ReviewsConfig {
  const env = readEnv(reviewsEnv, source);
  return Object.freeze({
    nodeEnv: env.NODE_ENV as ReviewsConfig['nodeEnv'],
    host: env.HOST,
    port: env.REVIEWS_PORT,
    logLevel: env.LOG_LEVEL as ReviewsConfig['logLevel'],
    databaseUrl: env.DATABASE_URL,
    databasePoolMax: env.DATABASE_POOL_MAX,
    jwtIssuer: env.JWT_ISSUER,
    jwtAudience: env.JWT_AUDIENCE,
    jwksUrl: env.JWKS_URL,
    productsUrl: env.SUBGRAPH_PRODUCTS_URL,
    serviceTimeoutMs: env.SERVICE_TIMEOUT_MS,
  });
}
