import { ConfigError } from '@techally/platform';
import type { EventBus } from '../bus/event-bus';
import { createInMemoryEventBus } from '../bus/in-memory-event-bus';
import { createRedisEventBus } from '../bus/redis-event-bus';
import type { StreamEventBusOptions } from '../bus/stream-event-bus';

/** Where a service's bus is, read once from the environment by {@link loadEventBusConfig}. */
export interface EventBusConfig {
  /** Redis Streams when set; the in-memory bus otherwise. */
  readonly redisUrl?: string | undefined;
  /** Prefix of every Redis key (default `techally`). */
  readonly keyPrefix: string;
}

/** The variables, their defaults and meaning, for a service README's configuration table. */
export const EVENT_BUS_VARIABLES = Object.freeze({
  REDIS_URL: 'Redis for the event bus (redis://host:6379). Unset: the in-memory bus, embedded start only (events never leave the process).',
  EVENTS_KEY_PREFIX: 'Prefix of every Redis key of the bus (default techally); one per environment sharing a Redis.',
});

/**
 * Reads REDIS_URL and EVENTS_KEY_PREFIX, for a service's `config.ts` (the only reader of `process.env` there).
 * A malformed value throws the platform's `ConfigError`, naming the variable, like `readEnv`.
 */
export function loadEventBusConfig(source: Record<string, string | undefined> = process.env): EventBusConfig {
  const problems: Record<string, string> = {};
  const redisUrl = source['REDIS_URL']?.trim() || undefined;
  if (redisUrl !== undefined && !/^rediss?:\/\/[^\s]+$/.test(redisUrl)) {
    problems['REDIS_URL'] = 'must be a redis:// or rediss:// URL';
  }
  const keyPrefix = source['EVENTS_KEY_PREFIX']?.trim() || 'techally';
  if (!/^[A-Za-z0-9_.:-]{1,100}$/.test(keyPrefix)) problems['EVENTS_KEY_PREFIX'] = 'letters, digits, _ . : - only (at most 100)';
  if (Object.keys(problems).length > 0) throw new ConfigError(problems);
  return Object.freeze({ redisUrl, keyPrefix });
}

/**
 * The bus a service's composition root uses: Redis Streams when `redisUrl` is set, in memory otherwise. In the
 * embedded start every subgraph runs in one process and they must share ONE in-memory bus: the launcher
 * creates it once and hands it to each subgraph rather than letting each call this.
 */
export function createEventBus(config: EventBusConfig, options: StreamEventBusOptions = {}): EventBus {
  if (config.redisUrl) return createRedisEventBus({ ...options, url: config.redisUrl, keyPrefix: config.keyPrefix });
  return createInMemoryEventBus(options);
}
