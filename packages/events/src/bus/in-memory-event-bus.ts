import type { EventBus } from './event-bus';
import { createInMemoryStreamStore, type InMemoryStreamStoreOptions } from './in-memory-stream-store';
import { createStreamEventBus, type StreamEventBusOptions } from './stream-event-bus';

export type InMemoryEventBusOptions = StreamEventBusOptions & InMemoryStreamStoreOptions;

/**
 * The bus of the embedded start (no REDIS_URL) and of unit tests: the Redis bus's semantics in this process's
 * memory. One instance must be shared by every subgraph of the process, since that is where they meet; events
 * are lost when the process ends (the outbox still has them, as published).
 */
export function createInMemoryEventBus(options: InMemoryEventBusOptions = {}): EventBus {
  return createStreamEventBus(createInMemoryStreamStore(options), options);
}
