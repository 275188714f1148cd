import { decodeCursor, DomainError, encodeCursor, isUuid, pageSize } from '@techally/platform';
import { SearchSort, type SearchFilter, type SearchPosition } from '../backend/search-backend';
import { positionLength } from '../backend/postgres/postgres-search.queries';
import { MAX_SUGGESTIONS, type SearchFilterInput } from './search.args';

export const MAX_QUERY_LENGTH = 200;
export const MAX_PREFIX_LENGTH = 100;

/** Control, invisible and bidirectional characters: never part of a word, read as spaces. */
const NOT_TEXT = /[\p{Cc}\p{Cf}\u2028\u2029]/gu;

/**
 * The query as the backends receive it: invisible characters read as spaces, spaces collapsed and trimmed; null
 * when nothing is left (a listing without text). Longer than the limit: BAD_USER_INPUT (counted after
 * trimming, in code points).
 */
export function normalizeQuery(raw: string | null | undefined, field = 'query', limit = MAX_QUERY_LENGTH): string | null {
  if (raw === null || raw === undefined) return null;
  const text = raw.replace(NOT_TEXT, ' ').replace(/\s+/gu, ' ').trim();
  if ([...text].length > limit) throw DomainError.badUserInput(`"${field}" must be at most ${limit} characters.`, field);
  return text.length > 0 ? text : null;
}

export function validateFilter(input: SearchFilterInput | null | undefined): SearchFilter {
  if (!input) return {};
  const filter: { -readonly [K in keyof SearchFilter]: SearchFilter[K] } = {};
  if (input.categoryId !== null && input.categoryId !== undefined) {
    if (!isUuid(input.categoryId)) throw DomainError.badUserInput('"filter.categoryId" is not a category id.', 'filter.categoryId');
    filter.categoryId = input.categoryId.toLowerCase();
  }
  for (const field of ['minPrice', 'maxPrice'] as const) {
    const value = input[field];
    if (value === null || value === undefined) continue;
    if (value < 0) throw DomainError.badUserInput(`"filter.${field}" must not be negative, got ${value}.`, `filter.${field}`);
    filter[field] = value;
  }
  if (filter.minPrice !== undefined && filter.maxPrice !== undefined && filter.minPrice > filter.maxPrice) {
    throw DomainError.badUserInput(
      `"filter.minPrice" (${filter.minPrice}) must not be above "filter.maxPrice" (${filter.maxPrice}).`,
      'filter.minPrice',
    );
  }
  if (input.inStock !== null && input.inStock !== undefined) filter.inStock = input.inStock;
  if (input.minRating !== null && input.minRating !== undefined) {
    if (!(input.minRating >= 0 && input.minRating <= 5)) {
      throw DomainError.badUserInput(`"filter.minRating" must be between 0 and 5, got ${input.minRating}.`, 'filter.minRating');
    }
    // 0 keeps every product, unrated ones included: no condition at all.
    if (input.minRating > 0) filter.minRating = input.minRating;
  }
  return filter;
}

export { pageSize };

export function suggestionCount(first: number | null | undefined): number {
  if (first === null || first === undefined) return 8;
  if (!Number.isInteger(first) || first < 1 || first > MAX_SUGGESTIONS) {
    throw DomainError.badUserInput(`"first" must be between 1 and ${MAX_SUGGESTIONS}, got ${first}.`, 'first');
  }
  return first;
}

/** What a cursor carries: the sort it belongs to, the (corrected) text its page used, and where it resumes. */
export interface SearchCursor {
  readonly sort: SearchSort;
  /** The corrected query the first page switched to, or null when the query was used as typed. */
  readonly correctedQuery: string | null;
  readonly position: SearchPosition;
}

export function encodeSearchCursor(cursor: SearchCursor): string {
  return encodeCursor([cursor.sort, cursor.correctedQuery ?? '', ...cursor.position]);
}

const NOT_A_CURSOR = () => DomainError.badUserInput('"after" is not a cursor this search issued.', 'after');

/**
 * Reads `after` for a request sorted by `sort`. A cursor of another sort (or query correction it cannot carry),
 * or any value of the wrong type, is BAD_USER_INPUT before it reaches SQL.
 */
export function decodeSearchCursor(after: string, sort: SearchSort): SearchCursor {
  const values = decodeCursor(after, positionLength(sort) + 2);
  const [cursorSort, corrected, ...position] = values;
  if (cursorSort !== sort) {
    throw DomainError.badUserInput('"after" is a cursor of another sort order: start again without it.', 'after');
  }
  if (typeof corrected !== 'string' || [...corrected].length > MAX_QUERY_LENGTH) throw NOT_A_CURSOR();
  const id = position[position.length - 1];
  if (!isUuid(id)) throw NOT_A_CURSOR();
  const keys = position.slice(0, -1);
  const valid = keys.every((value, index) => isValidKey(sort, index, value));
  if (!valid) throw NOT_A_CURSOR();
  return { sort, correctedQuery: corrected.length > 0 ? corrected : null, position };
}

function isValidKey(sort: SearchSort, index: number, value: string | number): boolean {
  if (sort === SearchSort.NEWEST) return typeof value === 'string' && !Number.isNaN(Date.parse(value)) && /^\d{4}-\d\d-\d\dT/.test(value);
  if (sort === SearchSort.RATING && index === 0) return typeof value === 'string' && /^\d(\.\d)?$/.test(value);
  if (sort === SearchSort.RELEVANCE) return typeof value === 'number' && Number.isFinite(value) && Math.abs(value) < 1e6;
  return typeof value === 'number' && Number.isInteger(value) && Math.abs(value) <= 2_147_483_647;
}
