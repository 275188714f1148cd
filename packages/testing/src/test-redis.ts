import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';

/** The Redis of CI and of developers who have one; unset means the Redis suites are skipped (and say so). */
export function testRedisUrl(): string | undefined {
  return process.env['REDIS_URL'] || undefined;
}

/** A key prefix no other test file (or engineer sharing the machine's Redis) uses. */
export function uniqueKeyPrefix(file: string): string {
  return `techally-test:${file}:${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
}

/** Deletes every key under `prefix` (SCAN, never KEYS or FLUSHDB: the Redis is shared). */
export async function deleteKeys(url: string, prefix: string): Promise<number> {
  const redis = new Redis(url, { maxRetriesPerRequest: 1 });
  let deleted = 0;
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
      cursor = next;
      if (keys.length > 0) deleted += await redis.del(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
  return deleted;
}

/** A plain client for a test to look at (or break) its own keys. */
export function inspectRedis(url: string): Redis {
  return new Redis(url, { maxRetriesPerRequest: 1 });
}

/** The buses a suite about events runs its cases on, and the cleanup of the Redis keys they used. */
export interface BusMatrix<Bus> {
  /** `[label, make]` for `describe.each`: memory always; Redis Streams with `make` null (skip) without REDIS_URL. */
  readonly cases: Array<[string, (() => Bus) | null]>;
  /** Deletes every key the Redis buses used (call it in `afterAll`). */
  cleanup(): Promise<void>;
}

/**
 * An events suite's two buses: the in-memory one, and Redis Streams under a key prefix of the file's own (a new
 * one per bus made) when REDIS_URL is set — otherwise its cases are skipped and the file says so on stderr.
 * The factories are the caller's (`createInMemoryEventBus`, `createRedisEventBus`): this package does not
 * depend on the events package.
 */
export function busMatrix<Bus>(
  file: string,
  make: { readonly memory: () => Bus; readonly redis: (url: string, keyPrefix: string) => Bus },
): BusMatrix<Bus> {
  const url = testRedisUrl();
  const filePrefix = uniqueKeyPrefix(file);
  if (!url) process.stderr.write(`SKIPPED: ${file} on Redis Streams — REDIS_URL is not set\n`);
  let made = 0;
  return {
    cases: [
      ['the in-memory bus', make.memory],
      url
        ? ['Redis Streams', () => make.redis(url, `${filePrefix}:${++made}`)]
        : ['Redis Streams — SKIPPED, REDIS_URL is not set', null],
    ],
    cleanup: async () => {
      if (url) await deleteKeys(url, filePrefix);
    },
  };
}
