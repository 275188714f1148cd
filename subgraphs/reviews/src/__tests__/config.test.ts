import { ConfigError } from '@techally/platform';
import { loadReviewsConfig } from '../config';

const DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/techally';

describe('loadReviewsConfig', () => {
  it('fills every setting but the database with its documented default', () => {
    expect(loadReviewsConfig({ DATABASE_URL })).toEqual({
      nodeEnv: 'development',
      host: '127.0.0.1',
      port: 4006,
      logLevel: 'info',
      databaseUrl: DATABASE_URL,
      databasePoolMax: 10,
      jwtIssuer: 'https://techally.local/users',
      jwtAudience: 'techally-graph',
      jwksUrl: 'http://127.0.0.1:4001/.well-known/jwks.json',
      productsUrl: 'http://127.0.0.1:4002/graphql',
      serviceTimeoutMs: 5000,
      events: { redisUrl: undefined, keyPrefix: 'techally', outboxPollIntervalMs: 1000, outboxListen: true, outboxRetentionSeconds: 3600 },
    });
  });

  it('reads the event bus settings (REDIS_URL, EVENTS_KEY_PREFIX) for the purchases consumer', () => {
    const config = loadReviewsConfig({ DATABASE_URL, REDIS_URL: 'redis://redis.internal:6379', EVENTS_KEY_PREFIX: 'staging' });
    expect(config.events).toMatchObject({ redisUrl: 'redis://redis.internal:6379', keyPrefix: 'staging' });
  });

  it('reads REVIEWS_PORT, SUBGRAPH_PRODUCTS_URL, SERVICE_TIMEOUT_MS and the shared variables', () => {
    const config = loadReviewsConfig({
      DATABASE_URL,
      REVIEWS_PORT: '5006',
      HOST: '0.0.0.0',
      SUBGRAPH_PRODUCTS_URL: 'http://products.internal:4002/graphql',
      SERVICE_TIMEOUT_MS: '1500',
    });
    expect(config).toMatchObject({ port: 5006, host: '0.0.0.0', productsUrl: 'http://products.internal:4002/graphql', serviceTimeoutMs: 1500 });
  });

  it('is frozen', () => {
    const config = loadReviewsConfig({ DATABASE_URL });
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.events)).toBe(true);
  });

  it('stops with one error naming each missing or malformed variable, the event bus\'s included', () => {
    let error: unknown;
    try {
      loadReviewsConfig({
        REVIEWS_PORT: 'eighty',
        SUBGRAPH_PRODUCTS_URL: 'not a url',
        SERVICE_TIMEOUT_MS: 'soon',
        REDIS_URL: 'localhost:6379',
        EVENTS_KEY_PREFIX: 'has spaces',
      });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    // One error for both readers: the subgraph's own variables and the event bus's.
    expect(Object.keys((error as ConfigError).problems).sort()).toEqual([
      'DATABASE_URL',
      'EVENTS_KEY_PREFIX',
      'REDIS_URL',
      'REVIEWS_PORT',
      'SERVICE_TIMEOUT_MS',
      'SUBGRAPH_PRODUCTS_URL',
    ]);
  });
});
