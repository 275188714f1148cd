import { createEvent, type EventEnvelope, type EventMetadata, type StockChangedV1 } from '@techally/events';
import type { ProductAvailability } from './product-availability';

/**
 * `inventory.stock-changed.v1` for one product: its figures after the change, as `Product.inventory.available`
 * and `Product.inStock` answer them. A snapshot, not a delta, so a duplicate or a replay is harmless. Every change
 * that writes one writes each changed row's `warehouse-stock-changed` too (after it), so it says `perWarehouse`:
 * a consumer watching warehouses must not take this figure for theirs (notifications' low-stock alerts).
 */
export function stockChangedEvent(
  availability: ProductAvailability,
  metadata: EventMetadata = {},
): EventEnvelope<'inventory.stock-changed.v1', StockChangedV1> {
  const { productId, available } = availability;
  return createEvent('inventory.stock-changed.v1', productId, { productId, available, inStock: available > 0, perWarehouse: true }, metadata);
}
