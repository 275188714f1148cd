/** What the tree order needs of a category. */
interface TreeNode {
  readonly id: string;
  readonly parentId: string | null;
}

/**
 * Categories in the order a navigation tree reads: each category followed by its descendants, depth first,
 * siblings in the order given (callers pass them in sibling order). A category whose parent is not in the
 * list is treated as a root, so a partial list still comes out whole.
 */
export function inTreeOrder<Node extends TreeNode>(categories: ReadonlyArray<Node>): Node[] {
  const ids = new Set(categories.map((category) => category.id));
  const childrenOf = new Map<string | null, Node[]>();
  for (const category of categories) {
    const parentId = category.parentId !== null && ids.has(category.parentId) ? category.parentId : null;
    const siblings = childrenOf.get(parentId);
    if (siblings) siblings.push(category);
    else childrenOf.set(parentId, [category]);
  }
  const ordered: Node[] = [];
  const visit = (parentId: string | null) => {
    for (const child of childrenOf.get(parentId) ?? []) {
      ordered.push(child);
      visit(child.id);
    }
  };
  visit(null);
  return ordered;
}
