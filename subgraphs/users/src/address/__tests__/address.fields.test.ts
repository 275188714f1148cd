import { DomainError } from '@techally/platform';
import { validateAddressFields } from '../address.fields';

const complete = { fullName: 'Grace Hopper', line1: '401 Broadway', city: 'New York', postalCode: '10013', country: 'us' };

function refusal(run: () => unknown): Record<string, unknown> {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error.extensions;
    throw error;
  }
  throw new Error('accepted');
}

describe('address fields', () => {
  it('are trimmed, with empty optional ones as null and the country upper-cased', () => {
    expect(validateAddressFields({ ...complete, label: ' Home ', line2: '', region: 'NY', phone: null }, true)).toEqual({
      ...complete,
      country: 'US',
      label: 'Home',
      line2: null,
      region: 'NY',
      phone: null,
    });
  });

  it('must all be present for a new address', () => {
    expect(refusal(() => validateAddressFields({ ...complete, postalCode: undefined }, true))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'postalCode',
    });
  });

  it('may be partial for a change, but a required one cannot be cleared', () => {
    expect(validateAddressFields({ city: 'Boston' }, false)).toEqual({ city: 'Boston' });
    expect(refusal(() => validateAddressFields({ city: null }, false))).toMatchObject({ field: 'city' });
  });

  it('refuse overly long values', () => {
    expect(refusal(() => validateAddressFields({ ...complete, line1: 'x'.repeat(201) }, true))).toMatchObject({ field: 'line1' });
  });
});
