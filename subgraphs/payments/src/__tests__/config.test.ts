import { ConfigError } from '@techally/platform';
import { loadPaymentsConfig } from '../config';

const DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/techally';

function problemsOf(source: Record<string, string>): string[] {
  try {
    loadPaymentsConfig(source);
  } catch (error) {
    if (error instanceof ConfigError) return Object.keys(error.problems).sort();
    throw error;
  }
  return [];
}

describe('loadPaymentsConfig', () => {
  it('fills every setting but the database with its documented default: the simulated provider, the in-memory bus', () => {
    expect(loadPaymentsConfig({ DATABASE_URL })).toEqual({
      nodeEnv: 'development',
      host: '127.0.0.1',
      port: 4005,
      logLevel: 'info',
      databaseUrl: DATABASE_URL,
      databasePoolMax: 10,
      jwtIssuer: 'https://techally.local/users',
      jwtAudience: 'techally-graph',
      jwksUrl: 'http://127.0.0.1:4001/.well-known/jwks.json',
      serviceTimeoutMs: 5_000,
      paymentProvider: 'simulated',
      stripe: null,
      refundSweepIntervalMs: 30_000,
      events: { redisUrl: undefined, keyPrefix: 'techally', outboxPollIntervalMs: 1_000, outboxListen: true, outboxRetentionSeconds: 3600 },
    });
  });

  it('reads PAYMENTS_PORT, the event bus variables, REFUND_SWEEP_INTERVAL_MS and the shared variables', () => {
    const config = loadPaymentsConfig({
      DATABASE_URL,
      PAYMENTS_PORT: '5005',
      HOST: '0.0.0.0',
      REDIS_URL: 'redis://redis:6379',
      EVENTS_KEY_PREFIX: 'staging',
      OUTBOX_POLL_INTERVAL_MS: '250',
      OUTBOX_LISTEN: 'false',
      REFUND_SWEEP_INTERVAL_MS: '5000',
    });
    expect(config).toMatchObject({
      port: 5005,
      host: '0.0.0.0',
      refundSweepIntervalMs: 5_000,
      events: { redisUrl: 'redis://redis:6379', keyPrefix: 'staging', outboxPollIntervalMs: 250, outboxListen: false },
    });
  });

  it('collects through Stripe exactly when STRIPE_SECRET_KEY is set, with its webhook secret, API URL and timeout', () => {
    const config = loadPaymentsConfig({ DATABASE_URL, STRIPE_SECRET_KEY: 'sk_test_123', STRIPE_WEBHOOK_SECRET: 'whsec_abc' });
    expect(config).toMatchObject({
      paymentProvider: 'stripe',
      stripe: { secretKey: 'sk_test_123', webhookSecret: 'whsec_abc', apiUrl: 'https://api.stripe.com', timeoutMs: 15_000 },
    });
    expect(
      loadPaymentsConfig({
        DATABASE_URL,
        STRIPE_SECRET_KEY: 'sk_test_123',
        STRIPE_WEBHOOK_SECRET: 'whsec_abc',
        STRIPE_API_URL: 'http://127.0.0.1:12111',
        STRIPE_TIMEOUT_MS: '2000',
      }).stripe,
    ).toMatchObject({ apiUrl: 'http://127.0.0.1:12111', timeoutMs: 2_000 });
  });

  it('ignores the Stripe variables other than the key when the key is not set (the simulated provider)', () => {
    expect(loadPaymentsConfig({ DATABASE_URL, STRIPE_WEBHOOK_SECRET: 'whsec_abc' })).toMatchObject({ paymentProvider: 'simulated', stripe: null });
  });

  it('is frozen', () => {
    const config = loadPaymentsConfig({ DATABASE_URL, STRIPE_SECRET_KEY: 'sk_test_123', STRIPE_WEBHOOK_SECRET: 'whsec_abc' });
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.stripe)).toBe(true);
  });

  it('requires STRIPE_WEBHOOK_SECRET with STRIPE_SECRET_KEY: nothing could be verified without it', () => {
    expect(problemsOf({ DATABASE_URL, STRIPE_SECRET_KEY: 'sk_test_123' })).toEqual(['STRIPE_WEBHOOK_SECRET']);
    expect(problemsOf({ DATABASE_URL, STRIPE_SECRET_KEY: 'sk_test_123', STRIPE_WEBHOOK_SECRET: '  ' })).toEqual(['STRIPE_WEBHOOK_SECRET']);
  });

  it('stops with one error naming each missing or malformed variable, the event bus’s included', () => {
    expect(
      problemsOf({
        PAYMENTS_PORT: 'eighty',
        STRIPE_API_URL: 'not a url',
        STRIPE_TIMEOUT_MS: '5',
        REFUND_SWEEP_INTERVAL_MS: 'soon',
        REDIS_URL: 'http://redis',
      }),
    ).toEqual(['DATABASE_URL', 'PAYMENTS_PORT', 'REDIS_URL', 'REFUND_SWEEP_INTERVAL_MS', 'STRIPE_API_URL']);
    expect(problemsOf({ DATABASE_URL, STRIPE_TIMEOUT_MS: '5', REFUND_SWEEP_INTERVAL_MS: '1.5' })).toEqual(['REFUND_SWEEP_INTERVAL_MS', 'STRIPE_TIMEOUT_MS']);
  });
});
