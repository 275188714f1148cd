import { Link, type To } from 'react-router';
import { pathOf, type CategoryNode, type CategoryTree as Tree } from '../catalogue/categories';

/**
 * The category tree beside a listing: the departments, and the sub-categories along the way to the one shown
 * (opened like folders), each with how many of the listing's matches it holds, itself and below (`counts` are
 * each category's own). A category with no match is left out, unless it is on the way to the one shown.
 */
export function CategoryTree({ tree, current, counts, linkTo }: { tree: Tree; current: CategoryNode | undefined; counts: ReadonlyMap<string, number> | null; linkTo(node: CategoryNode | null): To }) {
  const open = new Set(current ? pathOf(tree, current).map((node) => node.id) : []);
  const total = (node: CategoryNode): number => (counts?.get(node.id) ?? 0) + node.children.reduce((sum, child) => sum + total(child), 0);
  const renderNodes = (nodes: ReadonlyArray<CategoryNode>) => (
    <ul>
      {nodes.map((node) => {
        const count = counts ? total(node) : null;
        if (count === 0 && !open.has(node.id)) return null;
        return (
          <li key={node.id}>
            <Link to={linkTo(node)} aria-current={node.id === current?.id ? 'page' : undefined}>
              {node.name} {count !== null && <span className="count">({count})</span>}
            </Link>
            {open.has(node.id) && node.children.length > 0 && renderNodes(node.children)}
          </li>
        );
      })}
    </ul>
  );
  return (
    <nav aria-label="Category tree" className="category-tree">
      <h2>Categories</h2>
      <Link to={linkTo(null)} aria-current={current ? undefined : 'page'}>
        All categories
      </Link>
      {renderNodes(tree.roots)}
    </nav>
  );
}
