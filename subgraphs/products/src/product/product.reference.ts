import type { ProductsContext } from '../context';
import type { ProductRecord } from './product.record';

/**
 * `Product @key(fields: "id") @key(fields: "sku")`: another subgraph's reference, by whichever key it holds,
 * through the request's loaders (a gateway asking for 100 order lines sends one batch, answered by one
 * statement). Archived products resolve too: an order placed before archiving still shows what was bought.
 */
export function resolveProductReference(
  representation: Record<string, unknown>,
  { products }: ProductsContext,
): Promise<ProductRecord | null> {
  const { id, sku } = representation;
  if (typeof id === 'string') return products.byId(id);
  if (typeof sku === 'string') return products.bySku(sku);
  return Promise.resolve(null);
}
