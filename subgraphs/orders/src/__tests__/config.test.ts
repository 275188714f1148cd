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
    });
    expect(config).toMatchObject({
      port: 5004,
      host: '0.0.0.0',
      databasePoolMax: 3,
      usersUrl: 'http://users.internal:4001/graphql',
      productsUrl: 'http://products.internal:4002/graphql',
      serviceTimeoutMs: 1_500,
    });
  });

  it('is frozen', () => {
    expect(Object.isFrozen(loadOrdersConfig({ DATABASE_URL }))).toBe(true);
  });

  it('stops with an error naming each missing or malformed variable', () => {
    let error: unknown;
    try {
      loadOrdersConfig({ ORDERS_PORT: 'eighty', SUBGRAPH_PRODUCTS_URL: 'products', SERVICE_TIMEOUT_MS: 'soon' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect(Object.keys((error as ConfigError).problems).sort()).toEqual([
      'DATABASE_URL',
      'ORDERS_PORT',
      'SERVICE_TIMEOUT_MS',
      'SUBGRAPH_PRODUCTS_URL',
    ]);
  });
});
