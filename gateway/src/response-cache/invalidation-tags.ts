import type { AnyEventEnvelope, EventType } from '@techally/events';

/**
 * Which cached answers a domain event makes wrong, as the tags subgraphs file their answers under
 * (`cacheTagsPlugin`): `<subgraph>:<Type>:<id>` for an entity, `<subgraph>:Query.<field>` for a root field,
 * `<subgraph>:Query` for every root field of a subgraph, `<subgraph>:*` for an answer too big to list.
 *
 * - Stock of a product changed → its stock (`inStock`, `inventory.available`) wherever it was read.
 * - A price → that product, and every listing: a price filter or sort may now place it elsewhere.
 * - An edit → that product and every root read of products (a new name matches other searches, a new slug
 *   another lookup, a new category other category listings).
 * - A new, archived or restored product → every root read of products (which listings it is in) and the
 *   product itself; a category change → that category, its parent and every root read.
 * - A rating change (a review added, edited, hidden, deleted) → the product's reviews and rating.
 */
export const INVALIDATING_EVENTS = {
  'inventory.stock-changed.v1': (p: { productId: string }) => [entity('inventory', 'Product', p.productId), 'inventory:*'],
  'products.price-changed.v1': (p: { productId: string }) => [entity('products', 'Product', p.productId), 'products:Query.products', 'products:*'],
  'products.product-updated.v1': (p: { productId: string; categoryId: string; previousCategoryId: string | null }) => [
    entity('products', 'Product', p.productId),
    entity('products', 'Category', p.categoryId),
    ...(p.previousCategoryId ? [entity('products', 'Category', p.previousCategoryId)] : []),
    'products:Query',
    'products:*',
  ],
  'products.product-created.v1': (p: { productId: string; categoryId: string }) => [
    entity('products', 'Product', p.productId),
    entity('products', 'Category', p.categoryId),
    'products:Query',
    'products:*',
  ],
  'products.product-archived.v1': (p: { productId: string; categoryId: string }) => [
    entity('products', 'Product', p.productId),
    entity('products', 'Category', p.categoryId),
    'products:Query',
    'products:*',
  ],
  'products.category-changed.v1': (p: { categoryId: string; parentId: string | null }) => [
    entity('products', 'Category', p.categoryId),
    ...(p.parentId ? [entity('products', 'Category', p.parentId)] : []),
    'products:Query',
    'products:*',
  ],
  'reviews.rating-changed.v1': (p: { productId: string }) => [entity('reviews', 'Product', p.productId), 'reviews:*'],
} as const satisfies Partial<Record<EventType, (payload: never) => string[]>>;

export type InvalidatingEventType = keyof typeof INVALIDATING_EVENTS;
export const INVALIDATING_EVENT_TYPES = Object.keys(INVALIDATING_EVENTS) as InvalidatingEventType[];

/** The tags an event invalidates (none for an event the cache does not depend on). */
export function tagsInvalidatedBy(envelope: AnyEventEnvelope): string[] {
  const tagsOf = (INVALIDATING_EVENTS as Record<string, ((payload: never) => string[]) | undefined>)[envelope.type];
  return tagsOf ? tagsOf(envelope.payload as never) : [];
}

function entity(subgraph: string, type: string, id: string): string {
  return `${subgraph}:${type}:${id.toLowerCase()}`;
}

