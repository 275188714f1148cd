import { silentLogger } from '../shared/events-logger';
import type { EventBus } from './event-bus';
import { createRedisStreamStore, type RedisStreamStoreOptions } from './redis-stream-store';
import { createStreamEventBus, type StreamEventBusOptions } from './stream-event-bus';

export type RedisEventBusOptions = StreamEventBusOptions & Omit<RedisStreamStoreOptions, 'logger'>;

/**
 * The production bus: Redis Streams with consumer groups (README.md, Design decisions). Connects lazily in the background:
 * creating it never fails because Redis is away; publishing then fails until it is back (the relay retries),
 * and consumers wait for it.
 */
export function createRedisEventBus(options: RedisEventBusOptions): EventBus {
  const logger = options.logger ?? silentLogger;
  return createStreamEventBus(createRedisStreamStore({ ...options, logger }), { ...options, logger });
}
