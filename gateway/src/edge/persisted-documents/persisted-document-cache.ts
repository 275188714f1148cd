import { ErrorsAreMissesCache, InMemoryLRUCache, PrefixingKeyValueCache, type KeyValueCache, type KeyValueCacheSetOptions } from '@apollo/utils.keyvaluecache';
import type { Logger } from '@techally/platform';
import type { Redis } from 'ioredis';
import { documentHashFromId, type PersistedDocumentManifest } from './manifest';
import type { PersistedDocumentsMetrics } from './persisted-documents-metrics';

/**
 * The document store behind Apollo Server's own APQ (`persistedQueries.cache`), so Apollo keeps doing what it
 * does well — resolve `extensions.persistedQuery` ids, check a registration's hash, register only after the
 * plugins had their say, answer PersistedQueryNotFound — and the gateway adds where documents come from:
 *
 *   get(hash):  the live manifest, then the APQ cache (memory, then Redis)
 *   set(hash):  the APQ cache only, and nothing for a manifest document (it is already known everywhere)
 *
 * A key that is not a SHA-256 hex digest is a miss without asking anyone (it never becomes a Redis key).
 */
export class PersistedDocumentCache implements KeyValueCache<string> {
  constructor(
    private readonly manifest: () => PersistedDocumentManifest,
    private readonly apq: KeyValueCache<string>,
    private readonly metrics: PersistedDocumentsMetrics,
  ) {}

  /** What Apollo Server is given: told that it needs no `apq:` prefix, as the keys are hashes of our own. */
  forApollo(): KeyValueCache<string> {
    return PrefixingKeyValueCache.cacheDangerouslyDoesNotNeedPrefixesForIsolation(this);
  }

  async get(key: string): Promise<string | undefined> {
    const hash = documentHashFromId(key);
    if (!hash) return undefined;
    return this.manifest().document(hash) ?? (await this.apq.get(hash));
  }

  async set(key: string, value: string, options?: KeyValueCacheSetOptions): Promise<void> {
    const hash = documentHashFromId(key);
    if (!hash || this.manifest().has(hash)) return;
    await this.apq.set(hash, value, options);
    this.metrics.apqRegistrations.inc();
  }

  async delete(key: string): Promise<boolean | void> {
    const hash = documentHashFromId(key);
    return hash ? this.apq.delete(hash) : false;
  }
}

/**
 * The APQ cache: this process's memory in front, Redis behind it when there is one (shared by every gateway
 * process, so a document registered through one is found through all). APQ entries never change (a hash names
 * one text), so the memory layer can never be stale. Redis down or slow is a miss — the client resends the full
 * text, which registers it in memory again — and a failed write is dropped: never an error to the client.
 */
export class TieredApqCache implements KeyValueCache<string> {
  private readonly memory = new InMemoryLRUCache<string>({ maxSize: 16 * 1024 * 1024 });
  private readonly redis: KeyValueCache<string> | null;

  constructor(
    redis: RedisApqCache | null,
    private readonly logger: Logger,
    private readonly metrics: PersistedDocumentsMetrics,
  ) {
    this.redis = redis ? new ErrorsAreMissesCache(redis, { ...silentApolloLogger, error: (message) => this.storeError('get', message) }) : null;
  }

  async get(hash: string): Promise<string | undefined> {
    const remembered = await this.memory.get(hash);
    if (remembered !== undefined || !this.redis) return remembered;
    const shared = await this.redis.get(hash);
    if (shared !== undefined) await this.memory.set(hash, shared);
    return shared;
  }

  async set(hash: string, text: string, options?: KeyValueCacheSetOptions): Promise<void> {
    await this.memory.set(hash, text, options);
    await this.redis?.set(hash, text, options).catch((error: unknown) => this.storeError('set', error));
  }

  async delete(hash: string): Promise<boolean> {
    await this.redis?.delete(hash).catch((error: unknown) => this.storeError('delete', error));
    return this.memory.delete(hash);
  }

  private storeError(operation: string, error: unknown): void {
    this.metrics.apqStoreErrors.inc({ operation });
    this.logger.debug({ err: error, operation }, 'APQ cache: Redis command failed; treated as a miss');
  }
}

/** APQ entries in Redis: `<prefix>:<sha256 hex>` → document, with a TTL. */
export class RedisApqCache implements KeyValueCache<string> {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly ttlSeconds: number,
  ) {}

  async get(hash: string): Promise<string | undefined> {
    return (await this.redis.get(this.key(hash))) ?? undefined;
  }

  async set(hash: string, text: string, options?: KeyValueCacheSetOptions): Promise<void> {
    await this.redis.set(this.key(hash), text, 'EX', options?.ttl ?? this.ttlSeconds);
  }

  async delete(hash: string): Promise<boolean> {
    return (await this.redis.del(this.key(hash))) > 0;
  }

  private key(hash: string): string {
    return `${this.prefix}:${hash}`;
  }
}

const silentApolloLogger = { debug() {}, info() {}, warn() {}, error() {} };
