import { Link } from 'react-router';

/** "All products › Electronics › Laptops": where a page sits in the catalogue; the last crumb is the page itself. */
export function Breadcrumb({ crumbs }: { crumbs: ReadonlyArray<{ readonly name: string; readonly slug: string }> }) {
  return (
    <nav aria-label="Breadcrumb" className="breadcrumb">
      <ol>
        <li>
          <Link to="/">All products</Link>
        </li>
        {crumbs.map((crumb, index) => (
          <li key={crumb.slug}>
            {index === crumbs.length - 1 ? (
              <span aria-current="page">{crumb.name}</span>
            ) : (
              <Link to={`/category/${crumb.slug}`}>{crumb.name}</Link>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
