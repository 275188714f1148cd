import {
  createEvent,
  type AnyEventEnvelope,
  type EventMetadata,
  type EventMoney,
  type ProductChangeableField,
} from '@techally/events';
import type { Product } from './product.entity';

/** What one edit did to a product, as `ProductService.update` found it: only what really changed. */
export interface ProductEdit {
  readonly changedFields: ReadonlyArray<ProductChangeableField>;
  /** The category before the edit, when `category` is among the changed fields. */
  readonly previousCategoryId: string | null;
  /** The price before the edit, when `price` is among the changed fields. */
  readonly previousPrice: EventMoney | null;
}

/** The price as events carry it, for comparing before and after an edit. */
export function priceOf(product: Product): EventMoney {
  return { amount: product.priceAmount, currency: product.currency };
}

function identity(product: Product) {
  return { productId: product.id, sku: product.sku, categoryId: product.category.id };
}

/** `products.product-created.v1` for a product about to be inserted. */
export function productCreatedEvents(product: Product, metadata: EventMetadata): AnyEventEnvelope[] {
  return [createEvent('products.product-created.v1', product.id, identity(product), metadata)];
}

/**
 * The events of one edit, in the order a consumer should see them: `product-updated` naming every changed
 * field, then `price-changed` when the price was one of them. None for an edit that changed nothing.
 */
export function productEditedEvents(product: Product, edit: ProductEdit, metadata: EventMetadata): AnyEventEnvelope[] {
  if (edit.changedFields.length === 0) return [];
  const events: AnyEventEnvelope[] = [
    createEvent(
      'products.product-updated.v1',
      product.id,
      { ...identity(product), previousCategoryId: edit.previousCategoryId, changedFields: [...edit.changedFields] },
      metadata,
    ),
  ];
  if (edit.previousPrice) {
    events.push(
      createEvent(
        'products.price-changed.v1',
        product.id,
        { ...identity(product), price: priceOf(product), previousPrice: edit.previousPrice },
        metadata,
      ),
    );
  }
  return events;
}

/** `products.product-archived.v1` for a product that has just left the listings. */
export function productArchivedEvents(product: Product, metadata: EventMetadata): AnyEventEnvelope[] {
  return [createEvent('products.product-archived.v1', product.id, identity(product), metadata)];
}
