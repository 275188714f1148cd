import { ConfigError } from '@techally/platform';
import { loadProductsConfig } from '../config';

const DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/techally';

describe('loadProductsConfig', () => {
  it('fills every setting but the database with its documented default', () => {
    expect(loadProductsConfig({ DATABASE_URL })).toEqual({
      nodeEnv: 'development',
      host: '127.0.0.1',
      port: 4002,
      logLevel: 'info',
      databaseUrl: DATABASE_URL,
      databasePoolMax: 10,
      jwtIssuer: 'https://techally.local/users',
      jwtAudience: 'techally-graph',
      jwksUrl: 'http://127.0.0.1:4001/.well-known/jwks.json',
      serviceTimeoutMs: 5000,
      events: { redisUrl: undefined, keyPrefix: 'techally', outboxPollIntervalMs: 1000, outboxListen: true, outboxRetentionSeconds: 3600 },
    });
  });

  it('reads PRODUCTS_PORT and the shared variables', () => {
    const config = loadProductsConfig({ DATABASE_URL, PRODUCTS_PORT: '5002', HOST: '0.0.0.0', DATABASE_POOL_MAX: '3' });
    expect(config).toMatchObject({ port: 5002, host: '0.0.0.0', databasePoolMax: 3 });
  });

  it('is frozen', () => {
    expect(Object.isFrozen(loadProductsConfig({ DATABASE_URL }))).toBe(true);
  });

  it('stops with an error naming each missing or malformed variable', () => {
    let error: unknown;
    try {
      loadProductsConfig({ PRODUCTS_PORT: 'eighty', JWKS_URL: 'not a url', OUTBOX_POLL_INTERVAL_MS: 'often' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect(Object.keys((error as ConfigError).problems).sort()).toEqual(['DATABASE_URL', 'JWKS_URL', 'OUTBOX_POLL_INTERVAL_MS', 'PRODUCTS_PORT']);
  });
});
