import { createHash } from 'node:crypto';
import type { PlaceOrderRequest } from './place-order.validation';

/**
 * The fingerprint of a checkout: sha256 over a canonical JSON of what was asked for (lines sorted by product,
 * the shipping address), without the idempotency key itself. A retry of the same cart under the same key has
 * the same hash, whatever order its lines come in; any other cart has another.
 */
export function requestHash(request: PlaceOrderRequest): string {
  const lines = [...request.items]
    .map(({ productId, quantity }) => [productId.toLowerCase(), quantity] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const canonical = JSON.stringify({ v: 1, lines, shippingAddressId: request.shippingAddressId.toLowerCase() });
  return createHash('sha256').update(canonical).digest('hex');
}
