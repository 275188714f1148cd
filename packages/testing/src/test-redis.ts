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
