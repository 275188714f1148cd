import type { ApolloServerPlugin } from '@apollo/server';
import { consumerWorker, createEventBus, defineConsumer, type EventBus, type EventBusConfig } from '@techally/events';
import type { BackgroundWorker, Logger } from '@techally/platform';
import type { Registry } from 'prom-client';
import type { GatewayContext } from '../context';
import { INVALIDATING_EVENT_TYPES, tagsInvalidatedBy } from './invalidation-tags';
import { MemoryResponseStore } from './memory-response-store';
import { RedisResponseStore } from './redis-response-store';
import type { ResponseCacheConfig } from './response-cache-config';
import { createResponseCacheMetrics } from './response-cache-metrics';
import { responseCachePlugin } from './response-cache-plugin';
import type { ResponseStore } from './response-store';

/** The consumer group every gateway process joins: each event is applied once, to the store they share. */
export const RESPONSE_CACHE_CONSUMER_GROUP = 'gateway.response-cache';

export interface ResponseCache {
  readonly plugin: ApolloServerPlugin<GatewayContext>;
  /** Starts consuming the invalidating events (resolves once the consumer group exists). */
  start(): Promise<void>;
  stop(): Promise<void>;
}

export interface ResponseCacheOptions {
  readonly config: ResponseCacheConfig;
  readonly events: EventBusConfig;
  /** The embedded start's (and tests') shared bus; otherwise one is opened on REDIS_URL. */
  readonly bus?: EventBus | undefined;
  readonly registry: Registry;
  readonly logger: Logger;
}

/**
 * The gateway's response cache, or null when it is off. It runs only where something can invalidate it: with
 * REDIS_URL (the Redis store, and the bus on the same Redis), or with an injected bus (the embedded start:
 * memory store, in-memory bus). A gateway alone without REDIS_URL would never hear of a change, so it does
 * not cache at all.
 */
export function createResponseCache(options: ResponseCacheOptions): ResponseCache | null {
  const { config, events, logger } = options;
  if (!config.enabled) return null;
  if (!events.redisUrl && !options.bus) {
    logger.warn('response cache off: no REDIS_URL and no event bus, so nothing could tell it what changed');
    return null;
  }
  const metrics = createResponseCacheMetrics(options.registry);
  const store: ResponseStore = events.redisUrl
    ? new RedisResponseStore({
        url: events.redisUrl,
        prefix: config.keyPrefix,
        commandTimeoutMs: config.redisTimeoutMs,
        maxTtlMs: config.maxTtlSeconds * 1_000,
        logger,
        onNewEpoch: () => metrics.epochs.inc(),
      })
    : new MemoryResponseStore(config.memoryEntries);
  const ownBus = options.bus ? null : createEventBus(events, { logger });
  const bus = options.bus ?? (ownBus as EventBus);

  const invalidate = async (tags: ReadonlyArray<string>, cause: string): Promise<void> => {
    if (tags.length === 0) return;
    try {
      const removed = await store.invalidate(tags);
      metrics.invalidations.inc({ cause });
      metrics.invalidatedEntries.inc(removed);
    } catch (error) {
      metrics.errors.inc({ operation: 'invalidate' });
      throw error;
    }
  };

  const consumer: BackgroundWorker = consumerWorker(
    bus,
    defineConsumer({
      group: RESPONSE_CACHE_CONSUMER_GROUP,
      types: INVALIDATING_EVENT_TYPES,
      // Idempotent by nature (deleting twice is deleting once); a failure is thrown, so the event comes back.
      handle: (envelope) => invalidate(tagsInvalidatedBy(envelope), envelope.type),
    }),
    'gateway',
  );

  // No answer is served from the cache before the gateway hears the invalidating events: a gateway started while
  // Redis is down answers from the subgraphs and subscribes as soon as it can (never a failed start).
  let listening = false;
  let stopped = false;
  let retry: NodeJS.Timeout | undefined;
  const listen = async (): Promise<void> => {
    try {
      await consumer.start();
      listening = true;
    } catch (error) {
      if (stopped) return;
      logger.warn({ err: error }, 'response cache: cannot subscribe to the invalidating events yet; answering from the subgraphs, retrying');
      retry = setTimeout(() => void listen(), 2_000);
    }
  };
  const gatedStore: ResponseStore = {
    lookup: (keys) => store.lookup(keys),
    store: (key, body, tags, ttlMs, ticket) => store.store(key, body, tags, ttlMs, ticket),
    invalidate: (tags) => store.invalidate(tags),
    usable: () => listening && store.usable(),
    distrust: () => store.distrust(),
    close: () => store.close(),
  };

  return {
    plugin: responseCachePlugin({ store: gatedStore, metrics, maxTtlSeconds: config.maxTtlSeconds, logger, invalidate }),
    start: listen,
    async stop() {
      stopped = true;
      clearTimeout(retry);
      await consumer.stop();
      await ownBus?.close();
      await store.close();
    },
  };
}
