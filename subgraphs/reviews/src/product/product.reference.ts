import { productRef, type ProductRef } from './product.type';

/**
 * `Product @key(fields: "id")`: the products subgraph owns products, so any id is taken as it comes (no
 * statement); an id with no reviews simply has an empty list and no rating. Whether a product exists is the
 * products subgraph's answer, not ours.
 */
export function resolveProductReference(representation: Record<string, unknown>): ProductRef | null {
  const id = representation['id'];
  return typeof id === 'string' ? productRef(id) : null;
}
