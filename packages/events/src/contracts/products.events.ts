import type { EventMoney } from './money.contract';
import { money } from './money.contract';
import { arrayOf, code, object, text, uuid, type Validator } from './payload-validators';

/*
 * The catalogue's events (issue #10): every change to public catalogue data, so read models and caches learn
 * it within moments of the commit instead of waiting for an expiry. Each payload names the product's category
 * (listings are per category tree) and its SKU (the product's second federation key, which never changes), so
 * a consumer keyed by either needs no lookup. When the change happened is the envelope's `occurredAt`.
 */

/**
 * The product fields `products.product-updated.v1` names in `changedFields`: the `Product` fields of the graph
 * an admin's `updateProduct` can change. Validated as codes, not as this list, so a field added later (images…)
 * reaches consumers that do not know it yet instead of being refused as a broken contract.
 */
export const PRODUCT_CHANGEABLE_FIELDS = ['name', 'description', 'price', 'weight', 'slug', 'category'] as const;
export type ProductChangeableField = (typeof PRODUCT_CHANGEABLE_FIELDS)[number];

/** `products.product-created.v1` — a product was added to the catalogue (ACTIVE: it is in listings now). */
export interface ProductCreatedV1 {
  readonly productId: string;
  readonly sku: string;
  readonly categoryId: string;
}

/**
 * `products.product-updated.v1` — one edit changed these fields of the product (never empty: an edit that
 * changes nothing emits nothing). A price change is also `products.price-changed.v1`, in the same transaction.
 */
export interface ProductUpdatedV1 {
  readonly productId: string;
  readonly sku: string;
  /** The category after the edit. */
  readonly categoryId: string;
  /** The category before the edit when `category` changed (listings of both trees changed), null otherwise. */
  readonly previousCategoryId: string | null;
  /** `Product` field names (`PRODUCT_CHANGEABLE_FIELDS`), each once. */
  readonly changedFields: readonly string[];
}

/** `products.price-changed.v1` — the product's price (amount or currency) is now `price`; carts, search, caches. */
export interface PriceChangedV1 {
  readonly productId: string;
  readonly sku: string;
  readonly categoryId: string;
  readonly price: EventMoney;
  readonly previousPrice: EventMoney;
}

/** `products.product-archived.v1` — the product left every listing; it still resolves by id and SKU (past orders). */
export interface ProductArchivedV1 {
  readonly productId: string;
  readonly sku: string;
  readonly categoryId: string;
}

/**
 * `products.category-changed.v1` — the category tree changed at this category (today: it was created, under
 * `parentId`), so `categories`, its parent's `children` and the paths below it read differently.
 */
export interface CategoryChangedV1 {
  readonly categoryId: string;
  /** Null for a root category. */
  readonly parentId: string | null;
}

// As the products subgraph validates it (^[A-Z0-9][A-Z0-9-]{2,31}$), checked here only as a short non-empty string:
// the producer owns the format.
const sku = text(32);
const uuidOrNull: Validator<string | null> = (value, path, problems): value is string | null =>
  value === null || uuid(value, path, problems);

export const productCreatedV1: Validator<ProductCreatedV1> = object({ productId: uuid, sku, categoryId: uuid });

export const productUpdatedV1: Validator<ProductUpdatedV1> = object({
  productId: uuid,
  sku,
  categoryId: uuid,
  previousCategoryId: uuidOrNull,
  changedFields: arrayOf(code, { minLength: 1 }),
});

export const priceChangedV1: Validator<PriceChangedV1> = object({
  productId: uuid,
  sku,
  categoryId: uuid,
  price: money,
  previousPrice: money,
});

export const productArchivedV1: Validator<ProductArchivedV1> = object({ productId: uuid, sku, categoryId: uuid });

export const categoryChangedV1: Validator<CategoryChangedV1> = object({ categoryId: uuid, parentId: uuidOrNull });
