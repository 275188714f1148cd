import { useMemo } from 'react';
import { useQuery } from 'urql';
import { graphql } from '../gql';

const StorefrontCategoriesQuery = graphql(`
  query StorefrontCategories {
    categories {
      id
      name
      slug
      productCount
      parent {
        id
      }
    }
  }
`);

/** A category of the tree with its children, as the header and the catalogue's side bar show it. */
export interface CategoryNode {
  readonly id: string;
  readonly name: string;
  readonly slug: string;
  readonly productCount: number;
  readonly parentId: string | null;
  readonly children: CategoryNode[];
}

export interface CategoryTree {
  /** Top-level departments, in display order. */
  readonly roots: ReadonlyArray<CategoryNode>;
  readonly bySlug: ReadonlyMap<string, CategoryNode>;
  readonly byId: ReadonlyMap<string, CategoryNode>;
}

/**
 * The catalogue's category tree, from one `categories` query (already in tree order: each category followed by
 * its descendants). The header and the catalogue share it: urql answers both from one request.
 */
export function useCategoryTree() {
  const [result, reexecute] = useQuery({ query: StorefrontCategoriesQuery });
  const tree = useMemo((): CategoryTree | null => {
    if (!result.data) return null;
    const byId = new Map<string, CategoryNode>();
    const bySlug = new Map<string, CategoryNode>();
    const roots: CategoryNode[] = [];
    for (const category of result.data.categories) {
      const node: CategoryNode = { ...category, parentId: category.parent?.id ?? null, children: [] };
      byId.set(node.id, node);
      bySlug.set(node.slug, node);
      const parent = node.parentId ? byId.get(node.parentId) : undefined;
      if (parent) parent.children.push(node);
      else roots.push(node);
    }
    return { roots, bySlug, byId };
  }, [result.data]);
  return { tree, fetching: result.fetching, error: result.error, retry: () => reexecute({ requestPolicy: 'network-only' }) };
}

/** The breadcrumb of a category: from its department down to it. */
export function pathOf(tree: CategoryTree, category: CategoryNode): CategoryNode[] {
  const path: CategoryNode[] = [];
  for (let node: CategoryNode | undefined = category; node; node = node.parentId ? tree.byId.get(node.parentId) : undefined) path.unshift(node);
  return path;
}
