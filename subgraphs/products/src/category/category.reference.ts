import type { ProductsContext } from '../context';
import type { CategoryRecord } from './category.record';

/** `Category @key(fields: "id")`: another subgraph's reference, through the request's category loader. */
export function resolveCategoryReference(
  representation: Record<string, unknown>,
  { categories }: ProductsContext,
): Promise<CategoryRecord | null> {
  const id = representation['id'];
  return typeof id === 'string' ? categories.byId(id) : Promise.resolve(null);
}
