import { port, readEnv, str, type SubgraphBaseConfig, subgraphBaseConfig, subgraphEnv, subgraphUrl } from '@techally/platform';

/** The environment this subgraph reads; see README.md for the table. */
const paymentsEnv = {
  ...subgraphEnv,
  PAYMENTS_PORT: port({ default: 4005, desc: 'Port the payments subgraph listens on.' }),
  SUBGRAPH_ORDERS_URL: subgraphUrl(
    4004,
    'The orders subgraph: the order’s status, total and customer, asked with the caller’s forwarded token.',
  ),
  PAYMENT_PROVIDER: str({
    choices: ['simulated'],
    default: 'simulated',
    desc: 'Who collects the money: the in-memory simulated provider (Stripe test-card behaviour). Stripe comes next.',
  }),
};

/** The payments subgraph's settings, read and validated once at start (STYLE.md §3). */
export interface PaymentsConfig extends SubgraphBaseConfig {
  readonly ordersUrl: string;
  readonly paymentProvider: 'simulated';
}

/**
 * Reads the payments configuration from `source` (process.env by default). The only reader of the environment
 * in this package; throws a ConfigError naming every missing or malformed variable.
 */
export function loadPaymentsConfig(source: Record<string, string | undefined> = process.env): PaymentsConfig {
  const env = readEnv(paymentsEnv, source);
  return Object.freeze({
    ...subgraphBaseConfig(env, env.PAYMENTS_PORT),
    ordersUrl: env.SUBGRAPH_ORDERS_URL,
    paymentProvider: env.PAYMENT_PROVIDER as PaymentsConfig['paymentProvider'],
  });
}
