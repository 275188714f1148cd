import { createLogger } from '@techally/platform';
import { Redis } from 'ioredis';
import { Registry } from 'prom-client';
import { documentHashOf, PersistedDocumentManifest } from '../manifest';
import { PersistedDocumentCache, RedisApqCache, TieredApqCache } from '../persisted-document-cache';
import { createPersistedDocumentsMetrics } from '../persisted-documents-metrics';

const logger = createLogger({ name: 'test', level: 'silent' });
const listed = 'query Listed { categories { id } }';
const registered = '{ categories { slug } }';

describe('the document cache behind Apollo APQ', () => {
  it('answers from the manifest first, registers only what the manifest lacks, and never looks up a key that is not a hash', async () => {
    const metrics = createPersistedDocumentsMetrics(new Registry());
    const apq = new TieredApqCache(null, logger, metrics);
    const manifest = PersistedDocumentManifest.parse(JSON.stringify({ [`sha256:${documentHashOf(listed)}`]: listed }));
    const cache = new PersistedDocumentCache(() => manifest, apq, metrics);

    expect(await cache.get(documentHashOf(listed))).toBe(listed);
    await cache.set(documentHashOf(listed), listed);
    expect(await apq.get(documentHashOf(listed))).toBeUndefined(); // nothing stored for a manifest document
    await cache.set(documentHashOf(registered), registered);
    expect(await cache.get(documentHashOf(registered))).toBe(registered);
    expect(await cache.get('not-a-hash')).toBeUndefined();
    expect((await metrics.apqRegistrations.get()).values[0]!.value).toBe(1);
  });

  it('with Redis down: registrations live in memory, lookups miss, nothing throws, errors are counted', async () => {
    const metrics = createPersistedDocumentsMetrics(new Registry());
    // Nothing listens on port 1: every command fails at once (no offline queue), as with Redis stopped.
    const redis = new Redis('redis://127.0.0.1:1', { enableOfflineQueue: false, lazyConnect: true, maxRetriesPerRequest: 0 });
    redis.on('error', () => {});
    try {
      const apq = new TieredApqCache(new RedisApqCache(redis, 'test:apq', 60), logger, metrics);
      expect(await apq.get(documentHashOf('{ a }'))).toBeUndefined();
      await apq.set(documentHashOf(registered), registered, { ttl: 60 });
      expect(await apq.get(documentHashOf(registered))).toBe(registered);
      const errors = (await metrics.apqStoreErrors.get()).values.reduce((sum, value) => sum + value.value, 0);
      expect(errors).toBeGreaterThanOrEqual(2);
    } finally {
      redis.disconnect();
    }
  });
});
