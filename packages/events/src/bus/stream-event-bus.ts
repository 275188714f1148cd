import { domainOf, isEventType, type EventType } from '../contracts/event-catalogue';
import { silentLogger, type EventsLogger } from '../shared/events-logger';
import type { EventBus, SubscribeOptions, Subscription } from './event-bus';
import { ConsumerLoop, DEFAULT_CONSUMER_TUNING, type ConsumerTuning } from './consumer-loop';
import type { StreamStore } from './stream-store';

export interface StreamEventBusOptions {
  readonly logger?: EventsLogger;
  /** Consumer timings; the defaults suit production, tests shorten the idle and claim times. */
  readonly consumer?: Partial<ConsumerTuning>;
}

/**
 * An {@link EventBus} over any {@link StreamStore}: one stream per producing domain (the first segment of the
 * type), one consumer loop per subscription. The Redis and in-memory buses are this with their store.
 */
export function createStreamEventBus(store: StreamStore, options: StreamEventBusOptions = {}): EventBus {
  const logger = options.logger ?? silentLogger;
  const tuning: ConsumerTuning = { ...DEFAULT_CONSUMER_TUNING, ...options.consumer };
  const loops = new Set<ConsumerLoop<EventType>>();
  /** The types each group handles in this process, and its live consumers: they must agree (see `subscribe`). */
  const groupTypes = new Map<string, { types: string; consumers: number }>();

  return {
    async publish(envelope) {
      await store.append(domainOf(envelope.type), envelope.type, JSON.stringify(envelope));
    },

    async subscribe<T extends EventType>(subscription: SubscribeOptions<T>): Promise<Subscription> {
      const { group, consumer, types } = subscription;
      if (!group.trim() || !consumer.trim()) throw new Error('subscribe: group and consumer must be non-empty names');
      if (types.length === 0) throw new Error(`subscribe: group ${group} names no event types`);
      const unknown = types.filter((type) => !isEventType(type));
      if (unknown.length > 0) throw new Error(`subscribe: ${unknown.join(', ')} is not in the event catalogue`);
      if (subscription.maxDeliveries !== undefined && !(Number.isInteger(subscription.maxDeliveries) && subscription.maxDeliveries >= 1)) {
        throw new Error('subscribe: maxDeliveries must be a whole number ≥ 1');
      }
      // Every consumer of a group acknowledges (skips) the types it does not handle; a consumer of the same group
      // with a shorter list would silently swallow the others' events.
      const typeList = [...new Set(types)].sort().join(',');
      const known = groupTypes.get(group);
      if (known && known.types !== typeList) {
        throw new Error(`subscribe: group ${group} already consumes [${known.types}]; every consumer of a group must handle the same types`);
      }
      groupTypes.set(group, { types: typeList, consumers: (known?.consumers ?? 0) + 1 });
      const release = () => {
        const entry = groupTypes.get(group);
        if (entry && --entry.consumers === 0) groupTypes.delete(group);
      };

      const streams = [...new Set(types.map(domainOf))].sort();
      const loop = new ConsumerLoop<T>(store, store.createReader(), subscription, streams, tuning, logger);
      try {
        await loop.ensureGroups();
      } catch (error) {
        release();
        await loop.stop();
        throw error;
      }
      loop.start();
      loops.add(loop as unknown as ConsumerLoop<EventType>);
      logger.debug({ group, consumer, types, streams }, 'event consumer started');
      return {
        async stop() {
          if (!loops.delete(loop as unknown as ConsumerLoop<EventType>)) return;
          release();
          await loop.stop();
        },
      };
    },

    async readEpoch(publisher, streams) {
      const value = await store.readMarker(publisher, streams);
      return value === 'replaying' || value === 'held' ? value : null;
    },
    writeEpoch: (publisher, epoch) => store.writeMarker(publisher, epoch, epoch === 'held'),

    async readStream(domain, after, count) {
      const entries = await store.readRange(domain, after, count);
      return entries.map(({ id, type, envelope }) => ({ id, type, envelope }));
    },

    readDeadLetters: (limit = 100) => store.readDeadLetters(limit),
    isReachable: () => store.ping(),

    async close() {
      const abandoned = [...loops];
      loops.clear();
      groupTypes.clear();
      await Promise.all(abandoned.map((loop) => loop.abandon()));
      await store.close();
    },
  };
}
