import { ConfigError } from '@techally/platform';
import { loadPaymentsConfig } from '../config';

const DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/techally';

describe('loadPaymentsConfig', () => {
  it('fills every setting but the database with its documented default', () => {
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
      ordersUrl: 'http://127.0.0.1:4004/graphql',
      serviceTimeoutMs: 5_000,
      paymentProvider: 'simulated',
    });
  });

  it('reads PAYMENTS_PORT, SUBGRAPH_ORDERS_URL, SERVICE_TIMEOUT_MS and the shared variables', () => {
    const config = loadPaymentsConfig({
      DATABASE_URL,
      PAYMENTS_PORT: '5005',
      SUBGRAPH_ORDERS_URL: 'http://orders:4004/graphql',
      SERVICE_TIMEOUT_MS: '2500',
      HOST: '0.0.0.0',
    });
    expect(config).toMatchObject({ port: 5005, ordersUrl: 'http://orders:4004/graphql', serviceTimeoutMs: 2_500, host: '0.0.0.0' });
  });

  it('is frozen', () => {
    expect(Object.isFrozen(loadPaymentsConfig({ DATABASE_URL }))).toBe(true);
  });

  it('stops with an error naming each missing or malformed variable', () => {
    let error: unknown;
    try {
      loadPaymentsConfig({ PAYMENTS_PORT: 'eighty', SUBGRAPH_ORDERS_URL: 'not a url', PAYMENT_PROVIDER: 'paypal' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect(Object.keys((error as ConfigError).problems).sort()).toEqual(['DATABASE_URL', 'PAYMENTS_PORT', 'PAYMENT_PROVIDER', 'SUBGRAPH_ORDERS_URL']);
  });
});
