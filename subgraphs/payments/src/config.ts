import { loadEventBusConfig, type EventBusConfig } from '@techally/events';
import { collectConfigProblems, ConfigError, num, port, readEnv, str, type SubgraphBaseConfig, subgraphBaseConfig, subgraphEnv, url } from '@techally/platform';

/** The environment this subgraph reads; see README.md for the table. */
const paymentsEnv = {
  ...subgraphEnv,
  PAYMENTS_PORT: port({ default: 4005, desc: 'Port the payments subgraph listens on.' }),
  STRIPE_SECRET_KEY: str({
    default: '',
    desc: 'Stripe secret key (sk_live_… / sk_test_…). Set: payments are collected through Stripe. Unset: the simulated provider.',
  }),
  STRIPE_WEBHOOK_SECRET: str({
    default: '',
    desc: 'The signing secret (whsec_…) of the Stripe endpoint POSTing to /webhooks/stripe; required with STRIPE_SECRET_KEY.',
  }),
  STRIPE_API_URL: url({
    default: 'https://api.stripe.com',
    desc: 'Where the Stripe API is: Stripe’s own by default; a local Stripe-compatible fake in tests (http://127.0.0.1:12111).',
  }),
  STRIPE_TIMEOUT_MS: num({ default: 15_000, desc: 'How long one call to Stripe may take before it counts as failed.' }),
  REFUND_SWEEP_INTERVAL_MS: num({
    default: 30_000,
    desc: 'How often payments looks for money still held for a cancelled order (a success that came after the cancellation) and refunds it.',
  }),
};

/** Stripe's settings, present exactly when STRIPE_SECRET_KEY is set. */
export interface StripeConfig {
  readonly secretKey: string;
  readonly webhookSecret: string;
  /** The API's base URL (`https://api.stripe.com`, or a fake's). */
  readonly apiUrl: string;
  readonly timeoutMs: number;
}

/** The payments subgraph's settings, read and validated once at start (README.md, House style). */
export interface PaymentsConfig extends SubgraphBaseConfig {
  /**
   * Who collects the money, decided by STRIPE_SECRET_KEY alone (no second switch that could disagree with it):
   * `stripe` when the key is set, else `simulated`.
   */
  readonly paymentProvider: 'simulated' | 'stripe';
  /** Set exactly when `paymentProvider` is `stripe`; the webhook route exists only then. */
  readonly stripe: StripeConfig | null;
  readonly refundSweepIntervalMs: number;
  readonly events: EventBusConfig;
}

/**
 * Reads the payments configuration from `source` (process.env by default). The only reader of the environment
 * in this package; throws a ConfigError naming every missing or malformed variable.
 */
export function loadPaymentsConfig(source: Record<string, string | undefined> = process.env): PaymentsConfig {
  const problems: Record<string, string> = {};
  const env = collectConfigProblems(problems, () => readEnv(paymentsEnv, source));
  const events = collectConfigProblems(problems, () => loadEventBusConfig(source));
  if (env) {
    const secretKey = env.STRIPE_SECRET_KEY.trim();
    if (secretKey && !env.STRIPE_WEBHOOK_SECRET.trim()) {
      problems['STRIPE_WEBHOOK_SECRET'] = 'is required when STRIPE_SECRET_KEY is set (without it /webhooks/stripe cannot verify anything)';
    }
    if (!(Number.isInteger(env.STRIPE_TIMEOUT_MS) && env.STRIPE_TIMEOUT_MS >= 100)) {
      problems['STRIPE_TIMEOUT_MS'] = 'a whole number of milliseconds, at least 100';
    }
    if (!(Number.isInteger(env.REFUND_SWEEP_INTERVAL_MS) && env.REFUND_SWEEP_INTERVAL_MS >= 100)) {
      problems['REFUND_SWEEP_INTERVAL_MS'] = 'a whole number of milliseconds, at least 100';
    }
  }
  if (Object.keys(problems).length > 0 || !env || !events) throw new ConfigError(problems);

  const secretKey = env.STRIPE_SECRET_KEY.trim();
  const stripe: StripeConfig | null = secretKey
    ? Object.freeze({
        secretKey,
        webhookSecret: env.STRIPE_WEBHOOK_SECRET.trim(),
        apiUrl: env.STRIPE_API_URL,
        timeoutMs: env.STRIPE_TIMEOUT_MS,
      })
    : null;
  return Object.freeze({
    ...subgraphBaseConfig(env, env.PAYMENTS_PORT),
    paymentProvider: stripe ? 'stripe' : 'simulated',
    stripe,
    refundSweepIntervalMs: env.REFUND_SWEEP_INTERVAL_MS,
    events,
  });
}
