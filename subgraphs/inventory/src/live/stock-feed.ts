import type { AnyEventEnvelope } from '@techally/events';
import { type SubscriptionPubSub, type SubscriptionStream, watchedIds } from '@techally/platform';
import { stockChangedTopic, type StockChangeMessage } from './stock-changed.topic';

/** One subscription may follow a page of products, not the catalogue: a storefront listing shows ≤ 100. */
export const MAX_WATCHED_PRODUCTS = 100;

/**
 * The live stock feed (issue #5): fed from COMMITTED changes — the outbox relay hands every published event to
 * {@link StockFeed.onPublished}, which forwards `inventory.stock-changed.v1` to the subscription pub/sub (Redis
 * Pub/Sub, so every inventory process and through them every gateway hears it) — and read by
 * `Subscription.stockChanged` through {@link StockFeed.watch}.
 */
export class StockFeed {
  constructor(private readonly pubSub: SubscriptionPubSub) {}

  /** The relay's `onPublished` hook: one message per stock-changed event, on its product's channel. */
  readonly onPublished = async (envelope: AnyEventEnvelope): Promise<void> => {
    if (envelope.type !== 'inventory.stock-changed.v1') return;
    const { productId, available, inStock } = envelope.payload;
    const message: StockChangeMessage = { productId, available, inStock, at: envelope.occurredAt };
    await stockChangedTopic.publish(this.pubSub, message, productId.toLowerCase());
  };

  /**
   * The changes of the given products, from now on. Resolves once the pub/sub has the subscription in place
   * (nothing published after that is missed), so a client whose subscription is established hears the next
   * change. BAD_USER_INPUT (field `productIds`) for an empty list, more than {@link MAX_WATCHED_PRODUCTS} ids,
   * or an id that is not a UUID.
   */
  async watch(productIds: ReadonlyArray<string>): Promise<SubscriptionStream<StockChangeMessage>> {
    const stream = stockChangedTopic.subscribe(
      this.pubSub,
      watchedIds(productIds, { argument: 'productIds', noun: 'product', max: MAX_WATCHED_PRODUCTS }),
    );
    await stream.live;
    return stream;
  }
}
