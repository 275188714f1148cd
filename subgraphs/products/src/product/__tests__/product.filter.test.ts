import { normalizeFilter } from '../product.filter';
import { escapeLike } from '../product.reads';

describe('normalizeFilter', () => {
  it('drops empty parts, so an empty filter lists everything', () => {
    expect(normalizeFilter(null)).toEqual({});
    expect(normalizeFilter({ categoryId: null, minPrice: null, maxPrice: undefined, search: '   ' })).toEqual({});
  });

  it('keeps price bounds and a trimmed search', () => {
    expect(normalizeFilter({ minPrice: 0, maxPrice: 5000, search: ' sony ' })).toEqual({ minPrice: 0, maxPrice: 5000, search: 'sony' });
  });

  it('marks a category id that is not a UUID as matching nothing, without asking the database', () => {
    expect(normalizeFilter({ categoryId: 'laptops' })).toEqual({ categoryId: 'laptops', matchesNothing: true });
  });

  it('refuses negative or crossed price bounds and over-long searches, naming the field', () => {
    expect(() => normalizeFilter({ minPrice: -1 })).toThrow(expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT', field: 'filter.minPrice' } }));
    expect(() => normalizeFilter({ maxPrice: 1.5 })).toThrow(expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT', field: 'filter.maxPrice' } }));
    expect(() => normalizeFilter({ minPrice: 10, maxPrice: 5 })).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
    expect(() => normalizeFilter({ search: 'x'.repeat(101) })).toThrow(expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT', field: 'filter.search' } }));
  });
});

describe('escapeLike', () => {
  it('makes LIKE wildcards and the escape character match themselves', () => {
    expect(escapeLike('100% _real_ \\o/')).toBe('100\\% \\_real\\_ \\\\o/');
  });
});
