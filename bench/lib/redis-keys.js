'use strict';
// Shared by the benches: each run's Redis keys live under its own prefix and are deleted when it ends.
const Redis = require('ioredis');

/** Deletes the run's Redis keys (bus streams, consumer groups) under its prefix. */
async function deleteRedisKeys(redisUrl, prefix) {
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
      if (keys.length > 0) await redis.unlink(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

module.exports = { deleteRedisKeys };
