import { Link } from 'react-router';
import { pathOf, type CategoryNode, type CategoryTree as Tree } from '../catalogue/categories';

/**
 * The category tree beside a listing: every department, and the subcategories along the way to the one shown
 * (opened like folders), each with its count of products.
 */
export function CategoryTree({ tree, current }: { tree: Tree; current: CategoryNode | undefined }) {
  const open = new Set(current ? pathOf(tree, current).map((node) => node.id) : []);
  const renderNodes = (nodes: ReadonlyArray<CategoryNode>) => (
    <ul>
      {nodes.map((node) => (
        <li key={node.id}>
          <Link to={`/category/${node.slug}`} aria-current={node.id === current?.id ? 'page' : undefined}>
            {node.name} <span className="count">({node.productCount})</span>
          </Link>
          {open.has(node.id) && node.children.length > 0 && renderNodes(node.children)}
        </li>
      ))}
    </ul>
  );
  return (
    <nav aria-label="Category tree" className="category-tree">
      <h2>Categories</h2>
      <Link to="/" aria-current={current ? undefined : 'page'}>
        All products
      </Link>
      {renderNodes(tree.roots)}
    </nav>
  );
}
