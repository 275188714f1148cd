import { PRICE_BAND_BOUNDS, SearchSort, type SearchFilter } from '../search-backend';

/**
 * The query text as Elasticsearch's `simple_query_string` reads it, with the semantics of PostgreSQL's
 * `websearch_to_tsquery`: every word required (`default_operator: and`), "quoted phrases", `-word` excluded,
 * `or` between alternatives (`|` there).
 */
export function textQuery(query: string): Record<string, unknown> {
  return {
    simple_query_string: {
      query: query.replace(/\s+or\s+/gi, ' | '),
      fields: ['name^10', 'sku^10', 'category_names^4', 'description'],
      default_operator: 'and',
      flags: 'AND|OR|NOT|PHRASE|WHITESPACE',
    },
  };
}

export function filterClauses(filter: SearchFilter): Array<Record<string, unknown>> {
  const clauses: Array<Record<string, unknown>> = [{ term: { status: 'ACTIVE' } }];
  if (filter.categoryId !== undefined) clauses.push({ term: { category_path: filter.categoryId } });
  if (filter.minPrice !== undefined || filter.maxPrice !== undefined) {
    clauses.push({ range: { price_amount: { ...(filter.minPrice !== undefined ? { gte: filter.minPrice } : {}), ...(filter.maxPrice !== undefined ? { lte: filter.maxPrice } : {}) } } });
  }
  if (filter.inStock !== undefined) clauses.push({ term: { in_stock: filter.inStock } });
  if (filter.minRating !== undefined) clauses.push({ range: { rating_average: { gte: filter.minRating } } });
  return clauses;
}

export function boolQuery(query: string | null, filter: SearchFilter): Record<string, unknown> {
  return { bool: { filter: filterClauses(filter), ...(query !== null ? { must: [textQuery(query)] } : {}) } };
}

/** The same keysets as PostgreSQL's (one direction, the id last), as `sort` clauses `search_after` resumes. */
export const SORT_CLAUSES: Readonly<Record<SearchSort, ReadonlyArray<Record<string, unknown>>>> = {
  [SearchSort.RELEVANCE]: [{ _score: { order: 'desc' } }, { id: { order: 'desc' } }],
  [SearchSort.PRICE_ASC]: [{ price_amount: { order: 'asc' } }, { id: { order: 'asc' } }],
  [SearchSort.PRICE_DESC]: [{ price_amount: { order: 'desc' } }, { id: { order: 'desc' } }],
  [SearchSort.NEWEST]: [{ created_at: { order: 'desc', format: 'strict_date_time' } }, { id: { order: 'desc' } }],
  [SearchSort.RATING]: [{ rating_average: { order: 'desc', missing: 0 } }, { rating_count: { order: 'desc' } }, { id: { order: 'desc' } }],
};

/** The facets as aggregations: categories, the fixed price bands, stock. */
export const FACET_AGGREGATIONS = {
  categories: { terms: { field: 'category_id', size: 1000 } },
  prices: {
    range: {
      field: 'price_amount',
      keyed: false,
      ranges: PRICE_BAND_BOUNDS.map((from, index) => ({ from, ...(PRICE_BAND_BOUNDS[index + 1] !== undefined ? { to: PRICE_BAND_BOUNDS[index + 1] } : {}) })),
    },
  },
  stock: { terms: { field: 'in_stock', size: 2 } },
} as const;
