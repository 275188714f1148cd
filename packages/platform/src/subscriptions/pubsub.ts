import { PubSub as MemoryPubSub, type PubSubEngine } from 'graphql-subscriptions';
import { RedisPubSub } from 'graphql-redis-subscriptions';
import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { EventQueue } from './event-queue';

/** A subscription's event stream: an async iterator that is already subscribed when it is returned. */
export interface SubscriptionStream<T> extends AsyncIterableIterator<T> {
  /**
   * Settles once every channel of the stream is subscribed (on Redis, once SUBSCRIBE is acknowledged). Anything
   * published before that is not seen by this stream: Pub/Sub keeps nothing for latecomers.
   */
  readonly live: Promise<void>;
  /** Unsubscribes (the channels are left once no other stream needs them). */
  return(): Promise<IteratorResult<T>>;
}

/**
 * The fan-out of GraphQL subscriptions (README.md, Design decisions): Redis Pub/Sub between processes, or in memory within one.
 * Its shape is type-graphql's `PubSub` (`buildSchema({ pubSub })`, `@Subscription({ topics, topicId })`), so a
 * subgraph hands it to type-graphql as it is; `topic()` gives typed access to one topic.
 */
export interface SubscriptionPubSub {
  /**
   * Publishes a JSON-safe payload (ISO strings for dates): both backends deliver what `JSON.parse` gives back,
   * so the embedded start behaves as production does. Publish only after the change has committed.
   */
  publish(routingKey: string, payload: unknown): Promise<void>;
  /**
   * Subscribes to one or several routing keys; `dynamicId` narrows each to `<routingKey>:<dynamicId>` (what
   * type-graphql's `topicId` gives). The stream subscribes at once, not on its first `next()`.
   */
  subscribe(routingKeys: string | ReadonlyArray<string>, dynamicId?: unknown): SubscriptionStream<unknown>;
  /** Ends every open stream, then closes the Redis connections. */
  close(): Promise<void>;
}

export interface SubscriptionPubSubOptions {
  /** Redis Pub/Sub when set; in memory (this process only) when not. */
  readonly redisUrl?: string | undefined;
  /** Every channel is `<keyPrefix>:<routingKey>`: deployments (and test runs) sharing a Redis never cross. */
  readonly keyPrefix: string;
  readonly logger: Logger;
  /** Events held per stream for a consumer that is not keeping up; the oldest are dropped beyond it. */
  readonly queueLimit?: number;
}

export const DEFAULT_PUBSUB_QUEUE_LIMIT = 1_000;

/**
 * `RedisPubSub` with SEPARATE publisher and subscriber connections (a connection in subscriber mode can do
 * nothing else), or graphql-subscriptions' in-memory `PubSub`.
 *
 * graphql-redis-subscriptions' own iterator subscribes on its first `next()` (README.md, Design decisions), so an event
 * published between "subscribed" and the first pull is lost. Streams here subscribe when they are created and
 * buffer (bounded) until read; `live` says when the subscription really is in place.
 */
export function createSubscriptionPubSub(options: SubscriptionPubSubOptions): SubscriptionPubSub {
  const { keyPrefix, logger } = options;
  const queueLimit = options.queueLimit ?? DEFAULT_PUBSUB_QUEUE_LIMIT;
  const redis = options.redisUrl ? connectRedis(options.redisUrl, logger) : null;
  const engine: PubSubEngine = redis
    ? new RedisPubSub({ publisher: redis.publisher, subscriber: redis.subscriber })
    : new MemoryPubSub();
  const streams = new Set<EventQueue<unknown>>();
  let closed = false;

  const channel = (key: string) => `${keyPrefix}:${key}`;

  return {
    async publish(routingKey, payload) {
      if (closed) throw new Error('SubscriptionPubSub is closed');
      // The in-memory engine would hand the very same object to every subscriber; the round trip gives each
      // what Redis would (and keeps a subscriber from mutating what the publisher still holds).
      await engine.publish(channel(routingKey), redis ? payload : JSON.parse(JSON.stringify(payload ?? null)));
    },

    subscribe(routingKeys, dynamicId) {
      const keys = (typeof routingKeys === 'string' ? [routingKeys] : [...routingKeys]).map((key) =>
        dynamicId === undefined || dynamicId === null ? key : `${key}:${String(dynamicId)}`,
      );
      let subscriptionIds: Promise<number[]> | null = null;
      const unsubscribe = () => {
        streams.delete(queue);
        void subscriptionIds?.then(
          (ids) => ids.forEach((id) => engine.unsubscribe(id)),
          () => undefined,
        );
      };
      const queue: EventQueue<unknown> = new EventQueue<unknown>({
        limit: queueLimit,
        onReturn: unsubscribe,
        // Once per stream: a consumer that fell behind drops many events, and one line says it.
        onDrop: () => {
          if (queue.dropped === 1) logger.warn({ keys, queueLimit }, 'subscription stream full: dropping its oldest events');
        },
      });
      if (closed) {
        queue.end();
        return Object.assign(queue, { live: Promise.resolve() });
      }
      streams.add(queue);
      subscriptionIds = Promise.all(keys.map((key) => engine.subscribe(channel(key), (payload: unknown) => queue.push(payload), {})));
      const live = subscriptionIds.then(
        () => undefined,
        (error: unknown) => {
          logger.error({ err: error, keys }, 'could not subscribe to the pub/sub channel');
          streams.delete(queue);
          queue.fail(error);
          throw error;
        },
      );
      live.catch(() => undefined); // the failure reaches the consumer through the stream
      return Object.assign(queue, { live });
    },

    async close() {
      if (closed) return;
      closed = true;
      for (const stream of streams) stream.end();
      streams.clear();
      if (redis) await Promise.all([redis.publisher.quit(), redis.subscriber.quit()]).catch(() => undefined);
    },
  };
}

function connectRedis(url: string, logger: Logger): { publisher: Redis; subscriber: Redis } {
  // A publish while Redis is away fails after a few retries instead of queueing forever: a subscription event
  // is a notification, and the change it announces is already committed.
  const publisher = new Redis(url, { maxRetriesPerRequest: 3, connectionName: 'subscriptions-publisher' });
  // The subscriber resubscribes its channels by itself when it reconnects (ioredis' autoResubscribe).
  const subscriber = new Redis(url, { connectionName: 'subscriptions-subscriber' });
  for (const [role, client] of [
    ['publisher', publisher],
    ['subscriber', subscriber],
  ] as const) {
    client.on('error', (error: Error) => logger.warn({ err: error, role }, 'subscriptions Redis connection error'));
  }
  return { publisher, subscriber };
}
