import { ConfigError } from '@techally/platform';
import { createEventBus, loadEventBusConfig } from '../../index';

describe('loadEventBusConfig', () => {
  it('defaults to no Redis (the in-memory bus) and the techally prefix', () => {
    expect(loadEventBusConfig({})).toEqual({ redisUrl: undefined, keyPrefix: 'techally' });
  });

  it('reads REDIS_URL and EVENTS_KEY_PREFIX', () => {
    expect(loadEventBusConfig({ REDIS_URL: 'redis://127.0.0.1:6379', EVENTS_KEY_PREFIX: 'staging' })).toEqual({
      redisUrl: 'redis://127.0.0.1:6379',
      keyPrefix: 'staging',
    });
  });

  it('names every malformed variable', () => {
    let error: unknown;
    try {
      loadEventBusConfig({ REDIS_URL: 'http://cache:6379', EVENTS_KEY_PREFIX: 'has spaces' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect(Object.keys((error as ConfigError).problems)).toEqual(['REDIS_URL', 'EVENTS_KEY_PREFIX']);
  });
});

describe('createEventBus', () => {
  it('is the in-memory bus without a Redis URL', async () => {
    const bus = createEventBus({ keyPrefix: 'techally' });
    expect(await bus.isReachable()).toBe(true);
    await bus.close();
    expect(await bus.isReachable()).toBe(false);
  });
});
