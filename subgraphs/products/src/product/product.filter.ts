import { DomainError, isUuid } from '@techally/platform';

/** What a listing may be narrowed to. Prices are in minor units, inclusive. */
export interface ProductFilterInput {
  readonly categoryId?: string | null;
  readonly minPrice?: number | null;
  readonly maxPrice?: number | null;
  readonly search?: string | null;
}

/** A filter the repository can apply as is: validated, with empty parts removed. */
export interface ListingFilter {
  /** The category and every category below it. */
  readonly categoryId?: string;
  readonly minPrice?: number;
  readonly maxPrice?: number;
  /** A substring of the name, matched case-insensitively. */
  readonly search?: string;
  /** True when the filter cannot match anything (an id that is not even a UUID), so no query is needed. */
  readonly matchesNothing?: boolean;
}

export const MAX_SEARCH_LENGTH = 100;

export function normalizeFilter(input: ProductFilterInput | null | undefined): ListingFilter {
  if (!input) return {};
  const minPrice = priceBound(input.minPrice, 'filter.minPrice');
  const maxPrice = priceBound(input.maxPrice, 'filter.maxPrice');
  if (minPrice !== undefined && maxPrice !== undefined && minPrice > maxPrice) {
    throw DomainError.badUserInput(
      `filter.minPrice (${minPrice}) must not be greater than filter.maxPrice (${maxPrice}).`,
      'filter.minPrice',
    );
  }
  const search = input.search?.trim();
  if (search && search.length > MAX_SEARCH_LENGTH) {
    throw DomainError.badUserInput(`filter.search must be at most ${MAX_SEARCH_LENGTH} characters.`, 'filter.search');
  }
  const categoryId = input.categoryId ?? undefined;
  return {
    ...(categoryId !== undefined ? { categoryId } : {}),
    ...(minPrice !== undefined ? { minPrice } : {}),
    ...(maxPrice !== undefined ? { maxPrice } : {}),
    ...(search ? { search } : {}),
    // A category id that is not a UUID names no category: an empty listing, like any other unknown category.
    ...(categoryId !== undefined && !isUuid(categoryId) ? { matchesNothing: true } : {}),
  };
}

function priceBound(value: number | null | undefined, field: string): number | undefined {
  if (value === null || value === undefined) return undefined;
  if (!Number.isInteger(value) || value < 0) {
    throw DomainError.badUserInput(`${field} must be a non-negative number of minor units, got ${value}.`, field);
  }
  return value;
}
