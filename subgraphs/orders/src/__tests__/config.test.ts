import { ConfigError } from '@techally/platform';
import { loadOrdersConfig } from '../config';

const DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/techally';

describe('loadOrdersConfig', () => {
  it('fills every setting but the database with its documented default', () => {
    expect(loadOrdersConfig({ DATABASE_URL })).toEqual({
      nodeEnv: 'development',
      host: '127.0.0.1',
      port: 4004,
      logLevel: 'info',
      databaseUrl: DATABASE_URL,
      databasePoolMax: 10,
      jwtIssuer: 'https://techally.local/users',
      jwtAudience: 'techally-graph',
      jwksUrl: 'http://127.0.0.1:4001/.well-known/jwks.json',
      usersUrl: 'http://127.0.0.1:4001/graphql',
      productsUrl: 'http://127.0.0.1:4002/graphql',
      serviceTimeoutMs: 5_000,
      events: { redisUrl: undefined, keyPrefix: 'techally', outboxPollIntervalMs: 1_000, outboxListen: true, outboxRetentionSeconds: 3600 },
      orderExpirySweepIntervalMs: 5_000,
      unpaidOrderLimits: { maxOrders: 3, maxUnitsPerProduct: 10 },
      orderPendingRedriveIntervalMs: 30_000,
      orderPendingTimeoutMs: 300_000,
    });
  });

  it('reads ORDERS_PORT, the other subgraphs’ URLs and the shared variables', () => {
    const config = loadOrdersConfig({
      DATABASE_URL,
      ORDERS_PORT: '5004',
      HOST: '0.0.0.0',
      DATABASE_POOL_MAX: '3',
      SUBGRAPH_USERS_URL: 'http://users.internal:4001/graphql',
      SUBGRAPH_PRODUCTS_URL: 'http://products.internal:4002/graphql',
      SERVICE_TIMEOUT_MS: '1500',
      REDIS_URL: 'redis://redis.internal:6379',
      EVENTS_KEY_PREFIX: 'staging',
      OUTBOX_POLL_INTERVAL_MS: '250',
      OUTBOX_LISTEN: 'false',
      ORDER_EXPIRY_SWEEP_INTERVAL_MS: '2000',
      MAX_UNPAID_ORDERS_PER_CUSTOMER: '5',
      MAX_UNPAID_UNITS_PER_PRODUCT: '20',
      ORDER_PENDING_REDRIVE_INTERVAL_MS: '10000',
      ORDER_PENDING_TIMEOUT_MS: '60000',
    });
    expect(config).toMatchObject({
      port: 5004,
      host: '0.0.0.0',
      databasePoolMax: 3,
      usersUrl: 'http://users.internal:4001/graphql',
      productsUrl: 'http://products.internal:4002/graphql',
      serviceTimeoutMs: 1_500,
      events: { redisUrl: 'redis://redis.internal:6379', keyPrefix: 'staging', outboxPollIntervalMs: 250, outboxListen: false },
      orderExpirySweepIntervalMs: 2_000,
      unpaidOrderLimits: { maxOrders: 5, maxUnitsPerProduct: 20 },
      orderPendingRedriveIntervalMs: 10_000,
      orderPendingTimeoutMs: 60_000,
    });
  });

  it('is frozen', () => {
    expect(Object.isFrozen(loadOrdersConfig({ DATABASE_URL }))).toBe(true);
  });

  it('stops with one error naming each missing or malformed variable, the event bus’s included', () => {
    const error = configError({
      ORDERS_PORT: 'eighty',
      SUBGRAPH_PRODUCTS_URL: 'products',
      SERVICE_TIMEOUT_MS: 'soon',
      REDIS_URL: 'localhost:6379',
      OUTBOX_LISTEN: 'maybe',
      ORDER_EXPIRY_SWEEP_INTERVAL_MS: 'often',
    });
    expect(Object.keys(error.problems).sort()).toEqual([
      'DATABASE_URL',
      'ORDERS_PORT',
      'ORDER_EXPIRY_SWEEP_INTERVAL_MS',
      'OUTBOX_LISTEN',
      'REDIS_URL',
      'SERVICE_TIMEOUT_MS',
      'SUBGRAPH_PRODUCTS_URL',
    ]);
  });

  it.each([
    ['MAX_UNPAID_ORDERS_PER_CUSTOMER', '0'],
    ['MAX_UNPAID_ORDERS_PER_CUSTOMER', '2.5'],
    ['MAX_UNPAID_UNITS_PER_PRODUCT', '-1'],
    ['MAX_UNPAID_UNITS_PER_PRODUCT', '10001'],
  ])('refuses %s=%s (a whole number from 1 to 10000)', (name, value) => {
    expect(configError({ DATABASE_URL, [name]: value }).problems).toEqual({ [name]: 'a whole number from 1 to 10000' });
  });

  it.each(['0', '99', '2.5', '-5000', '3600001'])('refuses ORDER_EXPIRY_SWEEP_INTERVAL_MS=%s (whole milliseconds, 100 to an hour)', (value) => {
    const error = configError({ DATABASE_URL, ORDER_EXPIRY_SWEEP_INTERVAL_MS: value });
    expect(error.problems).toEqual({ ORDER_EXPIRY_SWEEP_INTERVAL_MS: 'a whole number of milliseconds from 100 to 3600000' });
  });

  it.each([
    [{ ORDER_PENDING_REDRIVE_INTERVAL_MS: '999' }, 'ORDER_PENDING_REDRIVE_INTERVAL_MS'],
    [{ ORDER_PENDING_REDRIVE_INTERVAL_MS: 'soon' }, 'ORDER_PENDING_REDRIVE_INTERVAL_MS'],
    [{ ORDER_PENDING_TIMEOUT_MS: '30000' }, 'ORDER_PENDING_TIMEOUT_MS'],
    [{ ORDER_PENDING_REDRIVE_INTERVAL_MS: '60000', ORDER_PENDING_TIMEOUT_MS: '45000' }, 'ORDER_PENDING_TIMEOUT_MS'],
    [{ ORDER_PENDING_TIMEOUT_MS: '86400001' }, 'ORDER_PENDING_TIMEOUT_MS'],
  ])('refuses a PENDING deadline %j: a re-drive from a second to an hour apart, a timeout after it and within a day', (values, variable) => {
    expect(Object.keys(configError({ DATABASE_URL, ...values }).problems)).toEqual([variable]);
  });

  it('names a bad event-bus variable alone when everything else is fine', () => {
    expect(configError({ DATABASE_URL, EVENTS_KEY_PREFIX: 'has spaces' }).problems).toEqual({
      EVENTS_KEY_PREFIX: expect.any(String),
    });
  });
});

function configError(source: Record<string, string>): ConfigError {
  try {
    loadOrdersConfig(source);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}
