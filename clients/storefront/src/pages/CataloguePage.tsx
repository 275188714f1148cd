import { Link, useLocation, useParams, useSearchParams, type To } from 'react-router';
import { isFiltered, nextPage, previousPage, readCatalogueParams, searchFilterOf, SORTS, withFilters } from '../catalogue/catalogue-params';
import { PAGE_SIZE, useCatalogueSearch } from '../catalogue/catalogue-search';
import { pathOf, useCategoryTree, type CategoryNode } from '../catalogue/categories';
import { Breadcrumb } from '../components/Breadcrumb';
import { CategoryTree } from '../components/CategoryTree';
import { PriceFilter } from '../components/PriceFilter';
import { HomeRecommendations } from '../components/Recommendations';
import { ProductCard } from '../components/ProductCard';
import { LoadError, Loading } from '../components/QueryStatus';
import { SearchFacets } from '../components/SearchFacets';
import { useDocumentTitle } from '../components/useDocumentTitle';
import { useMediaQuery } from '../components/useMediaQuery';

/**
 * The catalogue on `searchProducts`: every product at `/`, a category and everything below it at
 * `/category/:slug`, a search at `/search?q=` (ranked, "Did you mean …?" for a typo); each with the facets and their
 * counts, the price filter, the sort and the pages, all kept in the URL.
 */
export function CataloguePage() {
  const { slug: pathSlug } = useParams();
  const { pathname } = useLocation();
  const isSearch = pathname === '/search';
  const [searchParams, setSearchParams] = useSearchParams();
  const params = readCatalogueParams(searchParams, isSearch);
  const query = isSearch ? (searchParams.get('q') ?? '').trim() : '';
  const slug = pathSlug ?? params.categorySlug;
  const categories = useCategoryTree();
  const category = slug ? categories.tree?.bySlug.get(slug) : undefined;
  const unknownCategory = Boolean(slug && categories.tree && !category);
  // Beside the listing on a wide screen (always open: styles.css hides its toggle); folded away on a phone.
  const wide = useMediaQuery('(min-width: 48rem)');

  const { results, facets, fetching, error, retry } = useCatalogueSearch({
    query: query || null,
    filter: searchFilterOf(params, category?.id),
    sort: params.sort,
    after: params.after,
    // A category's products wait for its id; a search waits for words.
    pause: (Boolean(slug) && !category) || (isSearch && !query),
  });

  const shownQuery = results?.didYouMean ?? query;
  const heading = isSearch ? (query ? `Results for “${shownQuery}”` : 'Search') : slug ? (category?.name ?? (unknownCategory ? 'Category not found' : 'Category')) : 'All products';
  useDocumentTitle(slug && !categories.tree ? null : heading);
  const page = params.back.length + 1;
  const pages = results ? Math.max(1, Math.ceil(results.totalCount / PAGE_SIZE)) : 1;
  const filtered = isFiltered(params);
  // A category of the tree (null: all of them), keeping the search, the other filters and the sort.
  const categoryLink = (node: CategoryNode | null): To => {
    if (isSearch) return { pathname, search: withFilters(searchParams, { category: node?.slug ?? null }).toString() };
    return { pathname: node ? `/category/${node.slug}` : '/', search: withFilters(searchParams, {}).toString() };
  };
  const change = (changes: Readonly<Record<string, string | null>>) => setSearchParams(withFilters(searchParams, changes));

  return (
    <div className="catalogue">
      <details className="catalogue-side" open={wide}>
        <summary>Categories and filters</summary>
        {categories.tree && <CategoryTree tree={categories.tree} current={category} counts={facets?.categories ?? null} linkTo={categoryLink} />}
        {categories.error && <LoadError what="the categories" error={categories.error} onRetry={categories.retry} />}
        <SearchFacets params={params} facets={facets} onChange={change} />
        {/* Keyed by the URL's prices: another listing starts without the last one's complaint. */}
        <PriceFilter key={`${params.minText}-${params.maxText}`} min={params.minText} max={params.maxText} onApply={(min, max) => change({ min, max })} />
      </details>

      <section className="catalogue-results" aria-labelledby="catalogue-heading">
        {category && categories.tree && <Breadcrumb crumbs={pathOf(categories.tree, category)} />}
        <h1 id="catalogue-heading">{heading}</h1>
        {/* The home page (every product, first page, unfiltered) opens with recommendations. */}
        {!slug && !isSearch && page === 1 && !filtered && <HomeRecommendations />}

        {unknownCategory && (
          <p className="status">
            There is no category “{slug}”. <Link to="/">See all products</Link>.
          </p>
        )}
        {isSearch && !query && <p className="status">Type what you are looking for in the search box above.</p>}
        {results?.didYouMean && (
          <p className="did-you-mean">
            Nothing matches “{query}”. Did you mean{' '}
            <Link to={{ pathname, search: withFilters(searchParams, { q: results.didYouMean }).toString() }}>{results.didYouMean}</Link>? The results below are for it.
          </p>
        )}

        {!unknownCategory && !(isSearch && !query) && (
          <>
            <div className="toolbar">
              <p role="status" className="result-count">
                {results ? `${results.totalCount} product${results.totalCount === 1 ? '' : 's'}` : ''}
                {fetching && results ? ' · updating…' : ''}
              </p>
              {filtered && (
                <Link className="button button-quiet" to={{ search: withFilters(searchParams, { min: null, max: null, stock: null, rating: null }).toString() }}>
                  Clear filters
                </Link>
              )}
              <label className="sort">
                Sort by{' '}
                <select value={params.sort} onChange={(event) => change({ sort: event.target.value === params.defaultSort ? null : event.target.value })}>
                  {SORTS.filter((option) => isSearch || option.value !== 'RELEVANCE').map((option) => (
                    <option key={option.value} value={option.value}>
                      {option.label}
                    </option>
                  ))}
                </select>
              </label>
            </div>

            {!results && (fetching || (slug && !categories.tree && !categories.error)) && <Loading what="the products" />}
            {/* A category's products need its id first: the tree failing is this page failing. */}
            {slug && !categories.tree && categories.error && <LoadError what="the categories" error={categories.error} onRetry={categories.retry} />}
            {error && <LoadError what="the products" error={error} onRetry={retry} />}
            {results && results.edges.length === 0 && (
              <p className="status">{query ? `No products match “${query}”` : 'No products here'}{filtered ? ' with these filters.' : '.'}</p>
            )}
            {results && results.edges.length > 0 && (
              <ul className="product-grid" aria-label="Products" aria-busy={fetching}>
                {results.edges.map(({ node }) => (
                  <li key={node.id}>
                    <ProductCard product={node} />
                  </li>
                ))}
              </ul>
            )}
            {results && (page > 1 || results.pageInfo.hasNextPage) && (
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
                {results.pageInfo.hasNextPage && results.pageInfo.endCursor ? (
                  <Link to={{ search: nextPage(searchParams, results.pageInfo.endCursor).toString() }} rel="next">
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
