import { useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { useCategoryOptions } from '../categories/category.operations';
import { ErrorNotice, Loading } from '../ui/ErrorNotice';
import { useDebouncedValue } from '@techally/app-kit';
import { AdminProductListQuery } from './product.operations';

const PAGE_SIZE = 25;

/** The catalogue's active products: search, filter by category, a page at a time; each opens its editor. */
export function ProductsPage() {
  const [search, setSearch] = useState('');
  const [categoryId, setCategoryId] = useState('');
  const [pages, setPages] = useState<Array<string | null>>([null]);
  const term = useDebouncedValue(search.trim(), 250);
  const filter = { ...(term ? { search: term } : {}), ...(categoryId ? { categoryId } : {}) };
  const categories = useCategoryOptions();
  return (
    <section aria-labelledby="products-title">
      <div className="page-head">
        <h1 id="products-title">Products</h1>
        <Link className="button primary" to="/products/new">
          New product
        </Link>
      </div>
      <form className="toolbar" role="search" onSubmit={(event) => event.preventDefault()}>
        <label>
          Search products
          <input
            type="search"
            value={search}
            onChange={(event) => {
              setSearch(event.target.value);
              setPages([null]);
            }}
            placeholder="Name, SKU or description"
          />
        </label>
        <label>
          Category
          <select
            value={categoryId}
            onChange={(event) => {
              setCategoryId(event.target.value);
              setPages([null]);
            }}
          >
            <option value="">All categories</option>
            {categories.options.map((option) => (
              <option key={option.id} value={option.id}>
                {option.label}
              </option>
            ))}
          </select>
        </label>
      </form>
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">Products</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">SKU</th>
              <th scope="col">Category</th>
              <th scope="col" className="num">
                Price
              </th>
              <th scope="col" className="num">
                Available
              </th>
            </tr>
          </thead>
          {pages.map((after, index) => (
            <ProductRows
              key={after ?? 'first'}
              after={after}
              filter={filter}
              onMore={index === pages.length - 1 ? (cursor) => setPages([...pages, cursor]) : undefined}
            />
          ))}
        </table>
      </div>
    </section>
  );
}

function ProductRows({
  after,
  filter,
  onMore,
}: {
  after: string | null;
  filter: { search?: string; categoryId?: string };
  onMore: ((cursor: string) => void) | undefined;
}) {
  const [{ data, error, fetching }] = useQuery({ query: AdminProductListQuery, variables: { first: PAGE_SIZE, after, filter } });
  const connection = data?.products;
  return (
    <tbody>
      {fetching && !connection && (
        <tr>
          <td colSpan={5}>
            <Loading what="products" />
          </td>
        </tr>
      )}
      {error && (
        <tr>
          <td colSpan={5}>
            <ErrorNotice error={error} action="Loading products" />
          </td>
        </tr>
      )}
      {connection && connection.edges.length === 0 && after === null && (
        <tr>
          <td colSpan={5}>No product matches.</td>
        </tr>
      )}
      {connection?.edges.map(({ node }) => (
        <tr key={node.id}>
          <th scope="row">
            <Link to={`/products/${node.id}`}>{node.name}</Link>
          </th>
          <td>
            <code>{node.sku}</code>
          </td>
          <td>{node.category.name}</td>
          <td className="num">{node.price.formatted}</td>
          <td className={node.inventory.available === 0 ? 'num warn' : 'num'}>{node.inventory.available}</td>
        </tr>
      ))}
      {onMore && connection?.pageInfo.hasNextPage && connection.pageInfo.endCursor && (
        <tr>
          <td colSpan={5}>
            <button type="button" onClick={() => onMore(connection.pageInfo.endCursor!)}>
              More products ({connection.totalCount} in all)
            </button>
          </td>
        </tr>
      )}
    </tbody>
  );
}
