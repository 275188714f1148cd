import type { ProductsContext } from '../context';
import type { Category } from './category.entity';

/** `Category @key(fields: "id")`: another subgraph's reference, through the request's category loader. */
export function resolveCategoryReference(
  representation: Record<string, unknown>,
  { categories }: ProductsContext,
): Promise<Category | null> {
  const id = representation['id'];
  return typeof id === 'string' ? categories.byId(id) : Promise.resolve(null);
}
