import { ConfigError } from '@techally/platform';
import { createEventBus, loadEventBusConfig } from '../../index';

describe('loadEventBusConfig', () => {
  it('defaults to no Redis (the in-memory bus) and the techally prefix', () => {
    expect(loadEventBusConfig({})).toEqual({
      redisUrl: undefined,
      keyPrefix: 'techally',
      outboxPollIntervalMs: 1000,
      outboxRetentionSeconds: 3600,
      outboxListen: true,
    });
  });

  it('reads REDIS_URL and EVENTS_KEY_PREFIX', () => {
    expect(
      loadEventBusConfig({
        REDIS_URL: 'redis://127.0.0.1:6379',
        EVENTS_KEY_PREFIX: 'staging',
        OUTBOX_POLL_INTERVAL_MS: '200',
        OUTBOX_LISTEN: 'false',
        OUTBOX_RETENTION_SECONDS: '86400',
      }),
    ).toEqual({ redisUrl: 'redis://127.0.0.1:6379', keyPrefix: 'staging', outboxPollIntervalMs: 200, outboxListen: false, outboxRetentionSeconds: 86_400 });
  });

  it('names every malformed variable', () => {
    let error: unknown;
    try {
      loadEventBusConfig({
        REDIS_URL: 'http://cache:6379',
        EVENTS_KEY_PREFIX: 'has spaces',
        OUTBOX_POLL_INTERVAL_MS: 'soon',
        OUTBOX_LISTEN: 'maybe',
        OUTBOX_RETENTION_SECONDS: '30',
      });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect(Object.keys((error as ConfigError).problems)).toEqual(['REDIS_URL', 'EVENTS_KEY_PREFIX', 'OUTBOX_POLL_INTERVAL_MS', 'OUTBOX_LISTEN', 'OUTBOX_RETENTION_SECONDS']);
  });
});

describe('createEventBus', () => {
  it('is the in-memory bus without a Redis URL', async () => {
    const bus = createEventBus(loadEventBusConfig({}));
    expect(await bus.isReachable()).toBe(true);
    await bus.close();
    expect(await bus.isReachable()).toBe(false);
  });
});
