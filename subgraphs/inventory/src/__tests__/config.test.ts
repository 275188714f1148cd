import { ConfigError } from '@techally/platform';
import { loadInventoryConfig } from '../config';

const DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/techally';

function problemsOf(source: Record<string, string>): Record<string, string> {
  try {
    loadInventoryConfig(source);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return { ...(error as ConfigError).problems };
  }
  throw new Error('expected a ConfigError');
}

describe('loadInventoryConfig', () => {
  it('fills every setting but the database with its documented default', () => {
    expect(loadInventoryConfig({ DATABASE_URL })).toEqual({
      nodeEnv: 'development',
      host: '127.0.0.1',
      port: 4003,
      logLevel: 'info',
      databaseUrl: DATABASE_URL,
      databasePoolMax: 10,
      jwtIssuer: 'https://techally.local/users',
      jwtAudience: 'techally-graph',
      jwksUrl: 'http://127.0.0.1:4001/.well-known/jwks.json',
      productsUrl: 'http://127.0.0.1:4002/graphql',
      serviceTimeoutMs: 5000,
      // 10 minutes (issue #9): enough to enter a card and pass 3-D Secure, short enough that abandoned or
      // hostile unpaid orders keep stock off sale briefly.
      reservationTtlSeconds: 600,
      events: { redisUrl: undefined, keyPrefix: 'techally', outboxPollIntervalMs: 1000, outboxListen: true, outboxRetentionSeconds: 3600 },
    });
  });

  it('reads the reservation TTL and the event bus settings', () => {
    const config = loadInventoryConfig({
      DATABASE_URL,
      RESERVATION_TTL_SECONDS: '60',
      REDIS_URL: 'redis://redis.internal:6379',
      EVENTS_KEY_PREFIX: 'staging',
      OUTBOX_POLL_INTERVAL_MS: '250',
      OUTBOX_LISTEN: 'false',
    });
    expect(config.reservationTtlSeconds).toBe(60);
    expect(config.events).toEqual({ redisUrl: 'redis://redis.internal:6379', keyPrefix: 'staging', outboxPollIntervalMs: 250, outboxListen: false, outboxRetentionSeconds: 3600 });
  });

  it.each(['0', '-5', '1.5', 'soon', '604801'])('refuses RESERVATION_TTL_SECONDS=%s, naming it', (value) => {
    expect(Object.keys(problemsOf({ DATABASE_URL, RESERVATION_TTL_SECONDS: value }))).toEqual(['RESERVATION_TTL_SECONDS']);
  });

  it('accepts a TTL of one second and of a week', () => {
    expect(loadInventoryConfig({ DATABASE_URL, RESERVATION_TTL_SECONDS: '1' }).reservationTtlSeconds).toBe(1);
    expect(loadInventoryConfig({ DATABASE_URL, RESERVATION_TTL_SECONDS: '604800' }).reservationTtlSeconds).toBe(604_800);
  });

  it('reports malformed event bus variables together with the others', () => {
    expect(Object.keys(problemsOf({ INVENTORY_PORT: 'eighty', REDIS_URL: 'localhost:6379', OUTBOX_LISTEN: 'maybe' })).sort()).toEqual([
      'DATABASE_URL',
      'INVENTORY_PORT',
      'OUTBOX_LISTEN',
      'REDIS_URL',
    ]);
  });

  it('reads INVENTORY_PORT, the products URL, the service timeout and the shared variables', () => {
    const config = loadInventoryConfig({
      DATABASE_URL,
      INVENTORY_PORT: '5003',
      SUBGRAPH_PRODUCTS_URL: 'http://products.internal:8080/graphql',
      SERVICE_TIMEOUT_MS: '1500',
      HOST: '0.0.0.0',
      DATABASE_POOL_MAX: '3',
    });
    expect(config).toMatchObject({
      port: 5003,
      productsUrl: 'http://products.internal:8080/graphql',
      serviceTimeoutMs: 1500,
      host: '0.0.0.0',
      databasePoolMax: 3,
    });
  });

  it('is frozen', () => {
    expect(Object.isFrozen(loadInventoryConfig({ DATABASE_URL }))).toBe(true);
  });

  it('stops with an error naming each missing or malformed variable', () => {
    const problems = problemsOf({
      INVENTORY_PORT: 'eighty',
      SUBGRAPH_PRODUCTS_URL: 'products',
      SERVICE_TIMEOUT_MS: 'soon',
      JWKS_URL: 'not a url',
    });
    expect(Object.keys(problems).sort()).toEqual(['DATABASE_URL', 'INVENTORY_PORT', 'JWKS_URL', 'SERVICE_TIMEOUT_MS', 'SUBGRAPH_PRODUCTS_URL']);
  });

  it('refuses a database URL that is not PostgreSQL, naming DATABASE_URL', () => {
    expect(problemsOf({ DATABASE_URL: 'mysql://root@127.0.0.1/shop' })).toEqual({
      DATABASE_URL: expect.stringContaining('postgres://'),
    });
  });
});
