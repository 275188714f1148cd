import type { ProductSort } from '../gql/graphql';

/** The sorts `products(sort:)` offers, as the sort menu names them. */
export const SORTS: ReadonlyArray<{ readonly value: ProductSort; readonly label: string }> = [
  { value: 'NEWEST', label: 'Newest first' },
  { value: 'PRICE_ASC', label: 'Price: low to high' },
  { value: 'PRICE_DESC', label: 'Price: high to low' },
  { value: 'NAME_ASC', label: 'Name: A to Z' },
];

/**
 * A listing's state, all of it in the URL (a link or a reload shows the same page): `sort`, `min` and `max` (in
 * dollars, as typed), `after` (the page's cursor) and `back` (the cursors of the pages before, first one ''), since
 * the connection pages forward only.
 */
export interface CatalogueParams {
  readonly sort: ProductSort;
  /** In minor units; undefined when absent or not a price. */
  readonly minPrice: number | undefined;
  readonly maxPrice: number | undefined;
  readonly minText: string;
  readonly maxText: string;
  readonly after: string | undefined;
  readonly back: ReadonlyArray<string>;
}

export function readCatalogueParams(params: URLSearchParams): CatalogueParams {
  const sort = SORTS.find((option) => option.value === params.get('sort'))?.value ?? 'NEWEST';
  const minText = params.get('min') ?? '';
  const maxText = params.get('max') ?? '';
  return {
    sort,
    minPrice: centsOf(minText),
    maxPrice: centsOf(maxText),
    minText,
    maxText,
    after: params.get('after') || undefined,
    back: params.getAll('back'),
  };
}

/** "25" or "25.5" dollars → 2550 cents; undefined for anything that is not a non-negative price. */
export function centsOf(text: string): number | undefined {
  const trimmed = text.trim();
  if (!/^\d{1,7}(\.\d{1,2})?$/.test(trimmed)) return undefined;
  return Math.round(Number(trimmed) * 100);
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
