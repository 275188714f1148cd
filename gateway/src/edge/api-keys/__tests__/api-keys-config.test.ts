import { ConfigError } from '@techally/platform';
import { loadApiKeysConfig } from '../api-keys-config';

const JWKS = 'http://users:4001/.well-known/jwks.json';

describe('the gateway\'s API-key settings', () => {
  it('look keys up on the users service that publishes the JWKS, by default, caching 30 s', () => {
    expect(loadApiKeysConfig({}, JWKS)).toEqual({
      lookupUrl: 'http://users:4001/internal/api-keys/lookup',
      lookupSecret: null,
      lookupTimeoutMs: 2_000,
      lookupConcurrency: 16,
      cacheSeconds: 30,
      cacheEntries: 10_000,
    });
  });

  it('take the lookup URL and secret given', () => {
    const config = loadApiKeysConfig({ API_KEY_LOOKUP_URL: 'http://keys.internal/lookup', API_KEY_LOOKUP_SECRET: ' s3cret ' }, JWKS);
    expect(config).toMatchObject({ lookupUrl: 'http://keys.internal/lookup', lookupSecret: 's3cret' });
  });

  it('refuse a cache longer than 30 s (a revocation missed while Redis was away would live on) and other bad numbers', () => {
    let error: unknown;
    try {
      loadApiKeysConfig({ API_KEY_CACHE_SECONDS: '300', API_KEY_CACHE_ENTRIES: '0', API_KEY_LOOKUP_CONCURRENCY: '1.5' }, JWKS);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatch(/API_KEY_CACHE_SECONDS/);
    expect((error as Error).message).toMatch(/API_KEY_CACHE_ENTRIES/);
    expect((error as Error).message).toMatch(/API_KEY_LOOKUP_CONCURRENCY/);
  });
});
