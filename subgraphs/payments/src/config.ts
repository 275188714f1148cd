import { accessTokenEnv, databaseEnv, num, port, readEnv, serviceEnv, str, url } from '@techally/platform';

/** The environment this subgraph reads; see README.md for the table. */
const paymentsEnv = {
  ...serviceEnv,
  ...databaseEnv,
  ...accessTokenEnv,
  PAYMENTS_PORT: port({ default: 4005, desc: 'Port the payments subgraph listens on.' }),
  SUBGRAPH_ORDERS_URL: url({
    default: 'http://127.0.0.1:4004/graphql',
    desc: 'The orders subgraph: the order’s status, total and customer, asked with the caller’s forwarded token.',
  }),
  SERVICE_TIMEOUT_MS: num({ default: 5_000, desc: 'How long a call to another subgraph may take before SERVICE_UNAVAILABLE.' }),
  PAYMENT_PROVIDER: str({
    choices: ['simulated'],
    default: 'simulated',
    desc: 'Who collects the money: the in-memory simulated provider (Stripe test-card behaviour). Stripe comes next.',
  }),
};

/** The payments subgraph's settings, read and validated once at start (STYLE.md §3). */
export interface PaymentsConfig {
  readonly nodeEnv: 'development' | 'test' | 'production';
  readonly host: string;
  readonly port: number;
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  readonly databaseUrl: string;
  readonly databasePoolMax: number;
  readonly jwtIssuer: string;
  readonly jwtAudience: string;
  readonly jwksUrl: string;
  readonly ordersUrl: string;
  readonly serviceTimeoutMs: number;
  readonly paymentProvider: 'simulated';
}

/**
 * Reads the payments configuration from `source` (process.env by default). The only reader of the environment
 * in this package; throws a ConfigError naming every missing or malformed variable.
 */
export function loadPaymentsConfig(source: Record<string, string | undefined> = process.env): PaymentsConfig {
  const env = readEnv(paymentsEnv, source);
  return Object.freeze({
    nodeEnv: env.NODE_ENV as PaymentsConfig['nodeEnv'],
    host: env.HOST,
    port: env.PAYMENTS_PORT,
    logLevel: env.LOG_LEVEL as PaymentsConfig['logLevel'],
    databaseUrl: env.DATABASE_URL,
    databasePoolMax: env.DATABASE_POOL_MAX,
    jwtIssuer: env.JWT_ISSUER,
    jwtAudience: env.JWT_AUDIENCE,
    jwksUrl: env.JWKS_URL,
    ordersUrl: env.SUBGRAPH_ORDERS_URL,
    serviceTimeoutMs: env.SERVICE_TIMEOUT_MS,
    paymentProvider: env.PAYMENT_PROVIDER as PaymentsConfig['paymentProvider'],
  });
}
