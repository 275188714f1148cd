import { ConfigError } from '@techally/platform';
import { loadResponseCacheConfig } from '../response-cache-config';

describe('response cache configuration', () => {
  it('is on by default, with the documented limits, under the events prefix', () => {
    expect(loadResponseCacheConfig({}, 'techally')).toEqual({
      enabled: true,
      maxTtlSeconds: 60,
      memoryEntries: 10_000,
      redisTimeoutMs: 100,
      keyPrefix: 'techally:response-cache',
    });
  });

  it('reads the switch and the limits', () => {
    expect(
      loadResponseCacheConfig(
        { RESPONSE_CACHE: 'OFF', RESPONSE_CACHE_MAX_TTL_SECONDS: '5', RESPONSE_CACHE_REDIS_TIMEOUT_MS: '20', RESPONSE_CACHE_KEY_PREFIX: 'x:y' },
        'techally',
      ),
    ).toMatchObject({ enabled: false, maxTtlSeconds: 5, redisTimeoutMs: 20, keyPrefix: 'x:y' });
  });

  it('refuses bad values, naming each variable', () => {
    expect.assertions(2);
    try {
      loadResponseCacheConfig({ RESPONSE_CACHE: 'maybe', RESPONSE_CACHE_MAX_TTL_SECONDS: '0', RESPONSE_CACHE_MEMORY_ENTRIES: '1e3' }, 'techally');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect(Object.keys((error as ConfigError).problems).sort()).toEqual([
        'RESPONSE_CACHE',
        'RESPONSE_CACHE_MAX_TTL_SECONDS',
        'RESPONSE_CACHE_MEMORY_ENTRIES',
      ]);
    }
  });
});
