import { DomainError } from '@techally/platform';
import { validateBody, validateHiddenReason, validateRating, validateTitle } from '../review.validation';

function failure(run: () => unknown): { code: unknown; field: unknown; message: string } | null {
  try {
    run();
    return null;
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return { code: error.code, field: error.extensions['field'], message: error.message };
  }
}

describe('validateRating', () => {
  it.each([1, 2, 3, 4, 5])('accepts %s stars', (rating) => {
    expect(validateRating(rating)).toBe(rating);
  });

  it.each([0, 6, -3, 2.5, Number.NaN, Number.POSITIVE_INFINITY])('refuses %s with BAD_USER_INPUT naming rating', (rating) => {
    expect(failure(() => validateRating(rating))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'rating',
      message: `rating must be a whole number of stars from 1 to 5, got ${rating}.`,
    });
  });
});

describe('validateTitle and validateBody', () => {
  it('trim, and count characters as Postgres does (an emoji is one)', () => {
    expect(validateTitle('  Nice  ')).toBe('Nice');
    expect(validateTitle('👍'.repeat(120))).toHaveLength(240);
    expect(failure(() => validateTitle('👍'.repeat(121)))).toMatchObject({ field: 'title', message: 'title must be at most 120 characters, got 121.' });
    expect(validateBody('b'.repeat(5000))).toHaveLength(5000);
    expect(failure(() => validateBody('b'.repeat(5001)))).toMatchObject({ field: 'body', message: 'body must be at most 5000 characters, got 5001.' });
  });

  it('refuse empty and blank text', () => {
    expect(failure(() => validateTitle(''))).toEqual({ code: 'BAD_USER_INPUT', field: 'title', message: 'title must not be empty.' });
    expect(failure(() => validateBody(' \n\t '))).toEqual({ code: 'BAD_USER_INPUT', field: 'body', message: 'body must not be empty.' });
  });
});

describe('validateHiddenReason', () => {
  it('is optional: absent or blank means none', () => {
    expect(validateHiddenReason(undefined)).toBeNull();
    expect(validateHiddenReason(null)).toBeNull();
    expect(validateHiddenReason('   ')).toBeNull();
    expect(validateHiddenReason(' Spam ')).toBe('Spam');
  });

  it('refuses more than 500 characters', () => {
    expect(failure(() => validateHiddenReason('r'.repeat(501)))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
  });
});
