import { topic } from '@techally/platform';

/**
 * What one `stockChanged` event carries through the subscription pub/sub: the product's public figures after a
 * committed change (the `inventory.stock-changed.v1` snapshot) and when the change was made. JSON-safe: `at`
 * is ISO 8601, as both pub/sub backends deliver it.
 */
export interface StockChangeMessage {
  readonly productId: string;
  readonly available: number;
  readonly inStock: boolean;
  readonly at: string;
}

/** Routed per product (`stock-changed:<productId>`): a subscriber hears only the products it asked for. */
export const stockChangedTopic = topic<StockChangeMessage>('stock-changed');
