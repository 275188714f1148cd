import type { AnyEventEnvelope } from '@techally/events';
import { DomainError, type SubscriptionPubSub, type SubscriptionStream, isUuid } from '@techally/platform';
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
    const stream = stockChangedTopic.subscribe(this.pubSub, validateProductIds(productIds));
    await stream.live;
    return stream;
  }
}

/** The distinct product ids, lower-cased (as events name them); BAD_USER_INPUT naming `productIds` otherwise. */
export function validateProductIds(productIds: ReadonlyArray<string>): string[] {
  if (productIds.length < 1 || productIds.length > MAX_WATCHED_PRODUCTS) {
    throw DomainError.badUserInput(
      `productIds must name 1 to ${MAX_WATCHED_PRODUCTS} products; got ${productIds.length}.`,
      'productIds',
    );
  }
  const malformed = productIds.findIndex((id) => !isUuid(id));
  if (malformed >= 0) throw DomainError.badUserInput(`productIds[${malformed}] is not a product id.`, `productIds[${malformed}]`);
  return [...new Set(productIds.map((id) => id.toLowerCase()))];
}
