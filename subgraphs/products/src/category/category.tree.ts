import type { Category } from './category.entity';

/**
 * Categories in the order a navigation tree reads: each category followed by its descendants, depth first,
 * siblings in the order given (callers pass them in sibling order). A category whose parent is not in the
 * list is treated as a root, so a partial list still comes out whole.
 */
export function inTreeOrder(categories: ReadonlyArray<Category>): Category[] {
  const ids = new Set(categories.map((category) => category.id));
  const childrenOf = new Map<string | null, Category[]>();
  for (const category of categories) {
    const parentId = category.parent && ids.has(category.parent.id) ? category.parent.id : null;
    const siblings = childrenOf.get(parentId);
    if (siblings) siblings.push(category);
    else childrenOf.set(parentId, [category]);
  }
  const ordered: Category[] = [];
  const visit = (parentId: string | null) => {
    for (const child of childrenOf.get(parentId) ?? []) {
      ordered.push(child);
      visit(child.id);
    }
  };
  visit(null);
  return ordered;
}
