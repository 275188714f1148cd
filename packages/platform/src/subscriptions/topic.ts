import type { SubscriptionPubSub, SubscriptionStream } from './pubsub';

/** One kind of subscription event with its payload type: `topic<StockChangedPayload>('stock-changed')`. */
export interface Topic<Payload> {
  readonly name: string;
  /** The routing key of the topic, or of one instance of it (`stock-changed:<productId>`). */
  key(id?: string): string;
  /** Publishes to the topic, or to one instance of it; publish only what has committed. */
  publish(pubSub: SubscriptionPubSub, payload: Payload, id?: string): Promise<void>;
  /** The events of the whole topic, or of the given instances (one stream for all of them). */
  subscribe(pubSub: SubscriptionPubSub, ids?: string | ReadonlyArray<string>): SubscriptionStream<Payload>;
}

const TOPIC_NAME = /^[a-z][a-z0-9]*(?:[.-][a-z0-9]+)*$/;

/**
 * Declares a topic once, typed, where its producer and its resolver can both import it. Routing keys are
 * `<name>` and `<name>:<id>`, the same scheme type-graphql's `topicId` gives through the pub/sub.
 */
export function topic<Payload>(name: string): Topic<Payload> {
  if (!TOPIC_NAME.test(name)) throw new Error(`Topic names are lower-case words joined by "-" or ".": got "${name}"`);
  const key = (id?: string) => (id === undefined ? name : `${name}:${id}`);
  return {
    name,
    key,
    publish: (pubSub, payload, id) => pubSub.publish(key(id), payload),
    subscribe(pubSub, ids) {
      const keys = ids === undefined ? [name] : typeof ids === 'string' ? [key(ids)] : ids.map((id) => key(id));
      return pubSub.subscribe(keys) as SubscriptionStream<Payload>;
    },
  };
}
