import { NavLink } from 'react-router';
import { useCategoryTree } from '../catalogue/categories';

/** The departments under the header (scrolls sideways on a phone). Quiet while loading: the page says it. */
export function CategoryNav() {
  const { tree } = useCategoryTree();
  return (
    <nav aria-label="Categories" className="category-nav">
      <ul className="container">
        <li>
          <NavLink to="/" end>
            All products
          </NavLink>
        </li>
        {tree?.roots.map((category) => (
          <li key={category.id}>
            <NavLink to={`/category/${category.slug}`}>{category.name}</NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
