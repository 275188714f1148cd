import type { SearchFilter, SearchSort } from '../gql/graphql';

/** What `searchProducts(query:)` accepts (longer is BAD_USER_INPUT): the search box takes no more. */
export const MAX_QUERY = 200;

/** The sorts `searchProducts(sort:)` offers, as the sort menu names them; "Best match" only for a search. */
export const SORTS: ReadonlyArray<{ readonly value: SearchSort; readonly label: string }> = [
  { value: 'RELEVANCE', label: 'Best match' },
  { value: 'NEWEST', label: 'Newest first' },
  { value: 'PRICE_ASC', label: 'Price: low to high' },
  { value: 'PRICE_DESC', label: 'Price: high to low' },
  { value: 'RATING', label: 'Top rated' },
];

/** The minimum ratings the rating filter offers. */
export const MIN_RATINGS = [4, 3, 2] as const;

/**
 * A listing's state, all of it in the URL (a link or a reload shows the same page): `sort`, `min` and `max` (in
 * dollars, as typed), `stock=1` (in stock only), `rating` (a minimum), `category` (a slug, on /search: elsewhere
 * the path names it), `after` (the page's cursor) and `back` (the cursors of the pages before, first one ''),
 * since the connection pages forward only.
 */
export interface CatalogueParams {
  /** The sort asked for, or the default: RELEVANCE for a search, NEWEST otherwise. */
  readonly sort: SearchSort;
  readonly defaultSort: SearchSort;
  /** In minor units; undefined when absent or not a price. */
  readonly minPrice: number | undefined;
  readonly maxPrice: number | undefined;
  readonly minText: string;
  readonly maxText: string;
  readonly inStock: boolean;
  readonly minRating: number | undefined;
  readonly categorySlug: string | undefined;
  readonly after: string | undefined;
  readonly back: ReadonlyArray<string>;
}

export function readCatalogueParams(params: URLSearchParams, isSearch: boolean): CatalogueParams {
  const defaultSort: SearchSort = isSearch ? 'RELEVANCE' : 'NEWEST';
  const sort = SORTS.find((option) => option.value === params.get('sort') && (isSearch || option.value !== 'RELEVANCE'))?.value ?? defaultSort;
  const minText = params.get('min') ?? '';
  const maxText = params.get('max') ?? '';
  const rating = Number(params.get('rating'));
  return {
    sort,
    defaultSort,
    minPrice: centsOf(minText),
    maxPrice: centsOf(maxText),
    minText,
    maxText,
    inStock: params.get('stock') === '1',
    minRating: (MIN_RATINGS as ReadonlyArray<number>).includes(rating) ? rating : undefined,
    categorySlug: (isSearch && params.get('category')) || undefined,
    after: params.get('after') || undefined,
    back: params.getAll('back'),
  };
}

/** Whether any filter beyond the category is on (the "Clear filters" link and the empty message say so). */
export function isFiltered(params: CatalogueParams): boolean {
  return params.minPrice !== undefined || params.maxPrice !== undefined || params.inStock || params.minRating !== undefined;
}

/** The URL's filters as `searchProducts(filter:)` takes them. */
export function searchFilterOf(params: CatalogueParams, categoryId: string | undefined): SearchFilter {
  return {
    ...(categoryId ? { categoryId } : {}),
    ...(params.minPrice !== undefined ? { minPrice: params.minPrice } : {}),
    ...(params.maxPrice !== undefined ? { maxPrice: params.maxPrice } : {}),
    ...(params.inStock ? { inStock: true } : {}),
    ...(params.minRating !== undefined ? { minRating: params.minRating } : {}),
  };
}

/** "25" or "25.5" dollars → 2550 cents; undefined for anything that is not a non-negative price. */
export function centsOf(text: string): number | undefined {
  const trimmed = text.trim();
  if (!/^\d{1,7}(\.\d{1,2})?$/.test(trimmed)) return undefined;
  return Math.round(Number(trimmed) * 100);
}

/** 2550 cents → "25.5"; 4999 → "49.99": a price as the URL and the price filter write it. */
export function dollarsOf(cents: number): string {
  return String(cents / 100);
}

/** The same listing with `changes` applied, back on its first page (a new sort or filter starts over). */
export function withFilters(params: URLSearchParams, changes: Readonly<Record<string, string | null>>): URLSearchParams {
  const next = new URLSearchParams(params);
  next.delete('after');
  next.delete('back');
  for (const [key, value] of Object.entries(changes)) {
    if (value === null || value === '') next.delete(key);
    else next.set(key, value);
  }
  return next;
}

/** The next page: after `endCursor`, remembering this page's cursor to come back to. */
export function nextPage(params: URLSearchParams, endCursor: string): URLSearchParams {
  const next = new URLSearchParams(params);
  next.append('back', params.get('after') ?? '');
  next.set('after', endCursor);
  return next;
}

/** The page before: the last cursor remembered. */
export function previousPage(params: URLSearchParams): URLSearchParams {
  const back = params.getAll('back');
  const next = new URLSearchParams(params);
  next.delete('back');
  for (const cursor of back.slice(0, -1)) next.append('back', cursor);
  const previous = back.at(-1);
  if (previous) next.set('after', previous);
  else next.delete('after');
  return next;
}
