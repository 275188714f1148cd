import { pageInfo } from '@techally/platform';
import { wordsOf } from '../backend/query-text';
import { effectiveSort } from '../backend/postgres/postgres-search-backend';
import { SearchSort, type SearchBackend, type SearchSummary } from '../backend/search-backend';
import { categoryKey, productKey } from '../product/product.type';
import type { SearchProductsArgs, SuggestProductsArgs } from './search.args';
import { CategoryFacet, PriceRangeFacet, ProductSearchConnection, ProductSearchEdge, ProductSuggestion, SearchFacets } from './search.connection';
import {
  decodeSearchCursor,
  encodeSearchCursor,
  MAX_PREFIX_LENGTH,
  normalizeQuery,
  pageSize,
  suggestionCount,
  validateFilter,
} from './search.validation';

/** The use cases behind `searchProducts` and `suggestProducts`: validation, cursors, the backend, the shapes. */
export class SearchService {
  constructor(private readonly backend: SearchBackend) {}

  async searchProducts(args: SearchProductsArgs): Promise<ProductSearchConnection> {
    let query = normalizeQuery(args.query);
    const filter = validateFilter(args.filter);
    const first = pageSize(args.first);
    const sort = effectiveSort({ query, sort: args.sort ?? SearchSort.RELEVANCE });
    const cursor = args.after ? decodeSearchCursor(args.after, sort) : null;
    // A later page of a corrected search carries on with the correction its first page made.
    if (cursor?.correctedQuery) query = normalizeQuery(cursor.correctedQuery);
    // Nothing searchable in the text (punctuation, symbols): nothing can match, and no statement is needed.
    if (query !== null && wordsOf(query).length === 0) return emptyConnection();
    const page = await this.backend.search({ query, filter, sort, first, after: cursor?.position ?? null });
    const correctedQuery = cursor?.correctedQuery ?? page.correctedQuery;
    const usedQuery = page.correctedQuery ?? query;
    const edges = page.hits.map((hit) => {
      const edge = new ProductSearchEdge();
      edge.cursor = encodeSearchCursor({ sort, correctedQuery, position: hit.position });
      edge.node = productKey(hit.productId);
      return edge;
    });
    const connection = new ProductSearchConnection();
    connection.edges = edges;
    connection.pageInfo = pageInfo(edges, page.hasNextPage, cursor !== null, (edge) => edge.cursor);
    connection.didYouMean = page.correctedQuery;
    let summary: Promise<SearchSummary> | null = null;
    connection.summary = () => (summary ??= this.backend.summarize({ query: usedQuery, filter }));
    return connection;
  }

  async suggestProducts(args: SuggestProductsArgs): Promise<ProductSuggestion[]> {
    const prefix = normalizeQuery(args.prefix, 'prefix', MAX_PREFIX_LENGTH);
    const first = suggestionCount(args.first);
    if (prefix === null || wordsOf(prefix).length === 0) return [];
    const suggestions = await this.backend.suggest(prefix, first);
    return suggestions.map((suggestion) => {
      const result = new ProductSuggestion();
      result.name = suggestion.name;
      result.product = productKey(suggestion.productId);
      return result;
    });
  }
}

export function facetsOf(summary: SearchSummary): SearchFacets {
  const facets = new SearchFacets();
  facets.categories = summary.categories.map(({ categoryId, count }) => {
    const facet = new CategoryFacet();
    facet.category = categoryKey(categoryId);
    facet.count = count;
    return facet;
  });
  facets.priceRanges = summary.priceBands.map(({ min, max, count }) => {
    const facet = new PriceRangeFacet();
    facet.min = min;
    facet.max = max;
    facet.count = count;
    return facet;
  });
  facets.inStock = summary.inStock;
  facets.outOfStock = summary.outOfStock;
  return facets;
}

function emptyConnection(): ProductSearchConnection {
  const connection = new ProductSearchConnection();
  connection.edges = [];
  connection.pageInfo = pageInfo([], false, false, () => '');
  connection.didYouMean = null;
  connection.summary = async () => ({
    totalCount: 0,
    categories: [],
    priceBands: [],
    inStock: 0,
    outOfStock: 0,
  });
  return connection;
}
