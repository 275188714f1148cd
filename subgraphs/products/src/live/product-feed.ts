import type { AnyEventEnvelope } from '@techally/events';
import { watchedIds, type SubscriptionPubSub, type SubscriptionStream } from '@techally/platform';
import { productChangedTopic, type ProductChangeMessage } from './product-changed.topic';

/** One subscription may follow a page of products, not the catalogue (as `stockChanged`). */
export const MAX_WATCHED_PRODUCTS = 100;

/**
 * The live product feed (issue #12): fed from COMMITTED changes — the outbox relay hands every published event
 * to {@link ProductFeed.onPublished}, which announces each product edit and archiving on the subscription
 * pub/sub (Redis Pub/Sub, so every products process and through them every gateway hears it) — and read by
 * `Subscription.productChanged` through {@link ProductFeed.watch}.
 */
export class ProductFeed {
  constructor(private readonly pubSub: SubscriptionPubSub) {}

  /**
   * The relay's `onPublished` hook: one message per change of what a product reads as, on its product's
   * channel. `product-updated` names every edited field, a reprice included (its `price-changed`, written in
   * the same transaction, would announce the edit twice); `product-archived` changes the status. A created
   * product has no subscriber yet: its id was unknown until then.
   */
  readonly onPublished = async (envelope: AnyEventEnvelope): Promise<void> => {
    if (envelope.type !== 'products.product-updated.v1' && envelope.type !== 'products.product-archived.v1') return;
    const productId = envelope.payload.productId.toLowerCase();
    const message: ProductChangeMessage = { productId, at: envelope.occurredAt };
    await productChangedTopic.publish(this.pubSub, message, productId);
  };

  /**
   * The changes of the given products from now on (ids as {@link watchedProductIds} answers them); resolves
   * once the pub/sub has the subscription in place, so nothing published after that is missed.
   */
  async watch(productIds: ReadonlyArray<string>): Promise<SubscriptionStream<ProductChangeMessage>> {
    const stream = productChangedTopic.subscribe(this.pubSub, productIds);
    await stream.live;
    return stream;
  }
}

/**
 * The distinct ids, lower-cased (as events name them); BAD_USER_INPUT (field `productIds`) for an empty list or
 * more than {@link MAX_WATCHED_PRODUCTS} ids, (field `productIds[i]`) for one that is not a UUID.
 */
export function watchedProductIds(productIds: ReadonlyArray<string>): string[] {
  return watchedIds(productIds, { argument: 'productIds', noun: 'product', max: MAX_WATCHED_PRODUCTS });
}
