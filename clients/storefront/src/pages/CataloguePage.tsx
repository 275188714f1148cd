import { Link, useLocation, useParams, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { readCatalogueParams, nextPage, previousPage, SORTS, withFilters } from '../catalogue/catalogue-params';
import { pathOf, useCategoryTree } from '../catalogue/categories';
import { Breadcrumb } from '../components/Breadcrumb';
import { CategoryTree } from '../components/CategoryTree';
import { PriceFilter } from '../components/PriceFilter';
import { ProductCard } from '../components/ProductCard';
import { LoadError, Loading } from '../components/QueryStatus';
import { useDocumentTitle } from '../components/useDocumentTitle';
import { useMediaQuery } from '../components/useMediaQuery';
import { graphql } from '../gql';
import type { ProductFilter, ProductSort } from '../gql/graphql';

const PAGE_SIZE = 12;

const StorefrontCatalogueQuery = graphql(`
  query StorefrontCatalogue($first: Int!, $after: String, $filter: ProductFilter, $sort: ProductSort) {
    products(first: $first, after: $after, filter: $filter, sort: $sort) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          ...StorefrontProductCard
        }
      }
    }
  }
`);

/**
 * The catalogue: every product at `/`, a category and everything below it at `/category/:slug`, name search at
 * `/search?q=`; each with the price filter, the sort and the pages of `products`, all kept in the URL.
 */
export function CataloguePage() {
  const { slug } = useParams();
  const isSearch = useLocation().pathname === '/search';
  const [searchParams, setSearchParams] = useSearchParams();
  const params = readCatalogueParams(searchParams);
  const query = isSearch ? (searchParams.get('q') ?? '').trim() : '';
  const categories = useCategoryTree();
  const category = slug ? categories.tree?.bySlug.get(slug) : undefined;
  const unknownCategory = Boolean(slug && categories.tree && !category);
  // Beside the listing on a wide screen (always open: styles.css hides its toggle); folded away on a phone.
  const wide = useMediaQuery('(min-width: 48rem)');

  const filter: ProductFilter = {
    ...(category ? { categoryId: category.id } : {}),
    ...(params.minPrice !== undefined ? { minPrice: params.minPrice } : {}),
    ...(params.maxPrice !== undefined ? { maxPrice: params.maxPrice } : {}),
    ...(query ? { search: query } : {}),
  };
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: StorefrontCatalogueQuery,
    variables: { first: PAGE_SIZE, after: params.after, filter, sort: params.sort },
    // A category's products wait for its id; a search waits for words.
    pause: (Boolean(slug) && !category) || (isSearch && !query),
  });

  const heading = slug ? (category?.name ?? (unknownCategory ? 'Category not found' : 'Category')) : isSearch ? (query ? `Results for “${query}”` : 'Search') : 'All products';
  useDocumentTitle(slug && !categories.tree ? null : heading);
  const products = data?.products;
  const page = params.back.length + 1;
  const pages = products ? Math.max(1, Math.ceil(products.totalCount / PAGE_SIZE)) : 1;
  const filtered = params.minPrice !== undefined || params.maxPrice !== undefined;

  return (
    <div className="catalogue">
      <details className="catalogue-side" open={wide}>
        <summary>Categories and filters</summary>
        {categories.tree && <CategoryTree tree={categories.tree} current={category} />}
        {categories.error && <LoadError what="the categories" error={categories.error} onRetry={categories.retry} />}
        <PriceFilter min={params.minText} max={params.maxText} onApply={(min, max) => setSearchParams(withFilters(searchParams, { min, max }))} />
      </details>

      <section className="catalogue-results" aria-labelledby="catalogue-heading">
        {category && categories.tree && <Breadcrumb crumbs={pathOf(categories.tree, category)} />}
        <h1 id="catalogue-heading">{heading}</h1>

        {unknownCategory && (
          <p className="status">
            There is no category “{slug}”. <Link to="/">See all products</Link>.
          </p>
        )}
        {isSearch && !query && <p className="status">Type what you are looking for in the search box above.</p>}

        {!unknownCategory && !(isSearch && !query) && (
          <>
            <div className="toolbar">
              <p role="status" className="result-count">
                {products ? `${products.totalCount} product${products.totalCount === 1 ? '' : 's'}` : ''}
                {fetching && products ? ' · updating…' : ''}
              </p>
              {filtered && (
                <Link className="button button-quiet" to={{ search: withFilters(searchParams, { min: null, max: null }).toString() }}>
                  Clear price filter
                </Link>
              )}
              <label className="sort">
                Sort by{' '}
                <select value={params.sort} onChange={(event) => setSearchParams(withFilters(searchParams, { sort: event.target.value === 'NEWEST' ? null : (event.target.value as ProductSort) }))}>
                  {SORTS.map((option) => (
                    <option key={option.value} value={option.value}>
                      {option.label}
                    </option>
                  ))}
                </select>
              </label>
            </div>

            {!products && (fetching || (slug && !categories.tree && !categories.error)) && <Loading what="the products" />}
            {/* A category's products need its id first: the tree failing is this page failing. */}
            {slug && !categories.tree && categories.error && <LoadError what="the categories" error={categories.error} onRetry={categories.retry} />}
            {error && <LoadError what="the products" error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />}
            {products && products.edges.length === 0 && (
              <p className="status">{query ? `No products match “${query}”` : 'No products here'}{filtered ? ' at these prices.' : '.'}</p>
            )}
            {products && products.edges.length > 0 && (
              <ul className="product-grid" aria-label="Products" aria-busy={fetching}>
                {products.edges.map(({ node }) => (
                  <li key={node.id}>
                    <ProductCard product={node} />
                  </li>
                ))}
              </ul>
            )}
            {products && (page > 1 || products.pageInfo.hasNextPage) && (
              <nav aria-label="Pages" className="pagination">
                {page > 1 ? (
                  <Link to={{ search: previousPage(searchParams).toString() }} rel="prev">
                    ← Previous
                  </Link>
                ) : (
                  <span />
                )}
                <span>
                  Page {page} of {pages}
                </span>
                {products.pageInfo.hasNextPage && products.pageInfo.endCursor ? (
                  <Link to={{ search: nextPage(searchParams, products.pageInfo.endCursor).toString() }} rel="next">
                    Next →
                  </Link>
                ) : (
                  <span />
                )}
              </nav>
            )}
          </>
        )}
      </section>
    </div>
  );
}
