import { SearchSort } from '../../backend/search-backend';
import { decodeSearchCursor, encodeSearchCursor, normalizeQuery, validateFilter } from '../search.validation';

const ID = '00000000-0000-4000-8000-000000000001';
const codeOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return (error as { extensions?: { code?: string; field?: string } }).extensions;
  }
  return undefined;
};

describe('search input', () => {
  it('reads invisible characters as spaces, collapses spaces, and takes blank text as no text', () => {
    expect(normalizeQuery('  noise\u200b\tcancelling \u202e ')).toBe('noise cancelling');
    expect(normalizeQuery(' \n ')).toBeNull();
    expect(normalizeQuery(null)).toBeNull();
    expect(normalizeQuery('é'.repeat(200))).toHaveLength(200);
    expect(codeOf(() => normalizeQuery('a'.repeat(201)))).toEqual({ code: 'BAD_USER_INPUT', field: 'query' });
  });

  it('refuses a filter that cannot mean anything, naming the field', () => {
    expect(codeOf(() => validateFilter({ categoryId: 'audio' }))).toEqual({ code: 'BAD_USER_INPUT', field: 'filter.categoryId' });
    expect(codeOf(() => validateFilter({ maxPrice: -5 }))).toEqual({ code: 'BAD_USER_INPUT', field: 'filter.maxPrice' });
    expect(codeOf(() => validateFilter({ minPrice: 10, maxPrice: 9 }))).toEqual({ code: 'BAD_USER_INPUT', field: 'filter.minPrice' });
    expect(codeOf(() => validateFilter({ minRating: Number.NaN }))).toEqual({ code: 'BAD_USER_INPUT', field: 'filter.minRating' });
    expect(validateFilter({ minRating: 0, inStock: false, categoryId: ID.toUpperCase() })).toEqual({ inStock: false, categoryId: ID });
  });

  it('gives back what a cursor of its own holds, and refuses one of another sort or with values of the wrong type', () => {
    const cursor = encodeSearchCursor({ sort: SearchSort.PRICE_ASC, correctedQuery: 'headphones', position: [4_900, ID] });
    expect(decodeSearchCursor(cursor, SearchSort.PRICE_ASC)).toEqual({ sort: SearchSort.PRICE_ASC, correctedQuery: 'headphones', position: [4_900, ID] });
    expect(codeOf(() => decodeSearchCursor(cursor, SearchSort.PRICE_DESC))).toEqual({ code: 'BAD_USER_INPUT', field: 'after' });
    const forged = [
      [SearchSort.PRICE_ASC, '', '4900; drop table', ID],
      [SearchSort.PRICE_ASC, '', 4_900, 'not-a-uuid'],
      [SearchSort.NEWEST, '', 'yesterday', ID],
      [SearchSort.RATING, '', '9.99', 3, ID],
      [SearchSort.RELEVANCE, '', 'high', ID],
    ] as const;
    for (const values of forged) {
      const sort = values[0];
      expect(codeOf(() => decodeSearchCursor(Buffer.from(JSON.stringify(values)).toString('base64url'), sort))).toEqual({
        code: 'BAD_USER_INPUT',
        field: 'after',
      });
    }
  });
});
