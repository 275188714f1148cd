import { topic } from '@techally/platform';

/**
 * What one `productChanged` event carries through the subscription pub/sub: which product changed and when
 * (the event's `occurredAt`, ISO 8601). The product itself is read again when the event is delivered, so a
 * subscriber gets it as it is then, with whatever fields it selected.
 */
export interface ProductChangeMessage {
  readonly productId: string;
  readonly at: string;
}

/** Routed per product (`product-changed:<productId>`): a subscriber hears only the products it asked for. */
export const productChangedTopic = topic<ProductChangeMessage>('product-changed');
