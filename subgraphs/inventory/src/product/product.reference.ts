import { isUuid } from '@techally/platform';
import type { ProductRef } from './product.type';

/**
 * `Product @key(fields: "id")`: the gateway hands us a product the products subgraph resolved and asks for its
 * stock fields. Resolving the reference costs no SQL (the stock is loaded, batched, by the fields that need
 * it); a malformed id is null rather than a failed batch. Whether the product exists is the products
 * subgraph's answer, not ours: an id we hold no stock for simply has none.
 */
export function resolveProductReference(representation: Record<string, unknown>): ProductRef | null {
  const id = representation['id'];
  return isUuid(id) ? { id } : null;
}
