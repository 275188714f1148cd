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
  /** How often the outbox relay looks for rows when nothing woke it (default 1000 ms). */
  readonly outboxPollIntervalMs: number;
  /** Whether the relay LISTENs for the outbox trigger's NOTIFY (default true; off on PGlite). */
  readonly outboxListen: boolean;
  /**
   * How long published outbox rows are kept (default 3600 s): published again when the bus lost its data, then
   * pruned. Longer than any consumer may lag behind.
   */
  readonly outboxRetentionSeconds: number;
}

/** OUTBOX_RETENTION_SECONDS' bounds: a minute (a restart must be noticed within it) to 30 days. */
export const OUTBOX_RETENTION_SECONDS = Object.freeze({ default: 3_600, min: 60, max: 30 * 24 * 3_600 });

/** The variables, their defaults and meaning, for a service README's configuration table. */
export const EVENT_BUS_VARIABLES = Object.freeze({
  REDIS_URL: 'Redis for the event bus (redis://host:6379). Unset: the in-memory bus, embedded start only (events never leave the process).',
  EVENTS_KEY_PREFIX: 'Prefix of every Redis key of the bus (default techally); one per environment sharing a Redis.',
  OUTBOX_POLL_INTERVAL_MS: 'How often the outbox relay polls when no NOTIFY woke it (default 1000).',
  OUTBOX_LISTEN: 'true/false: the relay LISTENs for new outbox rows (default true; the embedded start on PGlite sets false).',
  OUTBOX_RETENTION_SECONDS: 'How long published outbox rows are kept, to publish again when Redis lost its data (default 3600; 60 to 2592000).',
});

/**
 * Reads REDIS_URL, EVENTS_KEY_PREFIX and the OUTBOX_* settings, for a service's `config.ts` (the only reader of `process.env` there).
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
  const pollText = source['OUTBOX_POLL_INTERVAL_MS']?.trim() || '1000';
  const outboxPollIntervalMs = Number(pollText);
  if (!/^\d+$/.test(pollText) || outboxPollIntervalMs < 10 || outboxPollIntervalMs > 60_000) {
    problems['OUTBOX_POLL_INTERVAL_MS'] = 'a whole number of milliseconds from 10 to 60000';
  }
  const listenText = source['OUTBOX_LISTEN']?.trim().toLowerCase() || 'true';
  if (listenText !== 'true' && listenText !== 'false') problems['OUTBOX_LISTEN'] = 'true or false';
  const retentionText = source['OUTBOX_RETENTION_SECONDS']?.trim() || String(OUTBOX_RETENTION_SECONDS.default);
  const outboxRetentionSeconds = Number(retentionText);
  if (!/^\d+$/.test(retentionText) || outboxRetentionSeconds < OUTBOX_RETENTION_SECONDS.min || outboxRetentionSeconds > OUTBOX_RETENTION_SECONDS.max) {
    problems['OUTBOX_RETENTION_SECONDS'] = `a whole number of seconds from ${OUTBOX_RETENTION_SECONDS.min} to ${OUTBOX_RETENTION_SECONDS.max}`;
  }
  if (Object.keys(problems).length > 0) throw new ConfigError(problems);
  return Object.freeze({ redisUrl, keyPrefix, outboxPollIntervalMs, outboxListen: listenText === 'true', outboxRetentionSeconds });
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

/** What a subgraph that produces or consumes events accepts besides its platform options. */
export interface EventBusOption {
  /**
   * The bus to use instead of opening one from the configuration: the embedded launcher and the end-to-end
   * tests share one bus between every subgraph of the process. Whoever passes it closes it.
   */
  readonly bus?: EventBus;
}

/** The injected bus, or one opened from the configuration together with the function that closes it. */
export function openEventBus(
  config: EventBusConfig,
  injected: EventBus | undefined,
  options: StreamEventBusOptions = {},
): { readonly bus: EventBus; readonly close: () => Promise<void> } {
  if (injected) return { bus: injected, close: async () => undefined };
  const bus = createEventBus(config, options);
  return { bus, close: () => bus.close() };
}
