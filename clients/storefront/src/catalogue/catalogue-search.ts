import { useQuery } from 'urql';
import { graphql } from '../gql';
import type { SearchFilter, SearchSort } from '../gql/graphql';
import { MIN_RATINGS } from './catalogue-params';

export const PAGE_SIZE = 12;

// One request: the page of results with its facets, and — for each facet group that is on — the same search without
// it, so its other options still show what choosing them would give (facets are counted with the whole filter
// applied). The API counts no ratings: a `totalCount` per minimum rating stands in for that facet.
const StorefrontCatalogueQuery = graphql(`
  query StorefrontCatalogue(
    $query: String
    $filter: SearchFilter!
    $sort: SearchSort!
    $first: Int!
    $after: String
    $withoutCategory: SearchFilter!
    $categoryOn: Boolean!
    $withoutPrice: SearchFilter!
    $priceOn: Boolean!
    $withoutStock: SearchFilter!
    $stockOn: Boolean!
    $rating4: SearchFilter!
    $rating3: SearchFilter!
    $rating2: SearchFilter!
  ) {
    results: searchProducts(query: $query, filter: $filter, sort: $sort, first: $first, after: $after) {
      totalCount
      didYouMean
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          ...StorefrontProductCard
        }
      }
      facets {
        ...StorefrontSearchFacets
      }
    }
    withoutCategory: searchProducts(query: $query, filter: $withoutCategory, first: 1) @include(if: $categoryOn) {
      facets {
        ...StorefrontSearchFacets
      }
    }
    withoutPrice: searchProducts(query: $query, filter: $withoutPrice, first: 1) @include(if: $priceOn) {
      facets {
        ...StorefrontSearchFacets
      }
    }
    withoutStock: searchProducts(query: $query, filter: $withoutStock, first: 1) @include(if: $stockOn) {
      facets {
        ...StorefrontSearchFacets
      }
    }
    rating4: searchProducts(query: $query, filter: $rating4, first: 1) {
      totalCount
    }
    rating3: searchProducts(query: $query, filter: $rating3, first: 1) {
      totalCount
    }
    rating2: searchProducts(query: $query, filter: $rating2, first: 1) {
      totalCount
    }
  }

  fragment StorefrontSearchFacets on SearchFacets {
    categories {
      category {
        id
      }
      count
    }
    priceRanges {
      min
      max
      count
    }
    inStock
    outOfStock
  }
`);

/** The counts beside each facet's options: what the listing would hold with that option chosen. */
export interface FacetCounts {
  /** Each category's own products (not its sub-categories': the tree sums those). */
  readonly categories: ReadonlyMap<string, number>;
  readonly priceRanges: ReadonlyArray<{ readonly min: number; readonly max: number | null; readonly count: number }>;
  readonly inStock: number;
  readonly byMinRating: ReadonlyMap<number, number>;
}

/**
 * `searchProducts` for a catalogue page: `query` null lists everything the filter allows. Paused while `pause`
 * (a category's id or a search's words not known yet).
 */
export function useCatalogueSearch(args: { query: string | null; filter: SearchFilter; sort: SearchSort; after: string | undefined; pause: boolean }) {
  const { filter } = args;
  const without = (...keys: Array<keyof SearchFilter>) => Object.fromEntries(Object.entries(filter).filter(([key]) => !keys.includes(key as keyof SearchFilter))) as SearchFilter;
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: StorefrontCatalogueQuery,
    variables: {
      query: args.query,
      filter,
      sort: args.sort,
      first: PAGE_SIZE,
      after: args.after ?? null,
      withoutCategory: without('categoryId'),
      categoryOn: filter.categoryId != null,
      withoutPrice: without('minPrice', 'maxPrice'),
      priceOn: filter.minPrice != null || filter.maxPrice != null,
      withoutStock: without('inStock'),
      stockOn: filter.inStock != null,
      rating4: { ...without('minRating'), minRating: MIN_RATINGS[0] },
      rating3: { ...without('minRating'), minRating: MIN_RATINGS[1] },
      rating2: { ...without('minRating'), minRating: MIN_RATINGS[2] },
    },
    pause: args.pause,
  });
  const results = data?.results;
  const facets: FacetCounts | null = data
    ? {
        categories: new Map((data.withoutCategory ?? data.results).facets.categories.map(({ category, count }) => [category.id, count])),
        priceRanges: (data.withoutPrice ?? data.results).facets.priceRanges,
        inStock: (data.withoutStock ?? data.results).facets.inStock,
        byMinRating: new Map([
          [MIN_RATINGS[0], data.rating4.totalCount],
          [MIN_RATINGS[1], data.rating3.totalCount],
          [MIN_RATINGS[2], data.rating2.totalCount],
        ]),
      }
    : null;
  return { results, facets, fetching, error, retry: () => reexecute({ requestPolicy: 'network-only' }) };
}
