import { DomainError } from '@techally/platform';
import { MAX_ADJUSTMENT, validateDelta, validateNote } from '../stock-adjustment.validation';

function refusal(run: () => unknown): { code: unknown; field: unknown } {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return { code: (error as DomainError).extensions['code'], field: (error as DomainError).extensions['field'] };
  }
  throw new Error('expected a refusal');
}

describe('validateDelta', () => {
  it.each([1, -1, 250, MAX_ADJUSTMENT, -MAX_ADJUSTMENT])('accepts %d units', (delta) => {
    expect(validateDelta(delta)).toBe(delta);
  });

  it.each([0, MAX_ADJUSTMENT + 1, -MAX_ADJUSTMENT - 1, 1.5, Number.NaN])('refuses %d with BAD_USER_INPUT naming delta', (delta) => {
    expect(refusal(() => validateDelta(delta))).toEqual({ code: 'BAD_USER_INPUT', field: 'delta' });
  });
});

describe('validateNote', () => {
  it('trims a note and treats a blank or missing one as none', () => {
    expect(validateNote('  pallet 7 crushed \n')).toBe('pallet 7 crushed');
    expect(validateNote('   ')).toBeNull();
    expect(validateNote(null)).toBeNull();
    expect(validateNote(undefined)).toBeNull();
  });

  it('accepts 500 characters and refuses 501 with BAD_USER_INPUT naming note', () => {
    expect(validateNote('n'.repeat(500))).toHaveLength(500);
    expect(refusal(() => validateNote('n'.repeat(501)))).toEqual({ code: 'BAD_USER_INPUT', field: 'note' });
  });
});
