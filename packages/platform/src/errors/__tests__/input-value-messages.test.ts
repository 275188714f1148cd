import { withoutInputValues } from '../input-value-messages';

// The messages graphql-js 16 writes for variables and literals that do not fit, each quoting the value.
describe('error messages without input values (issue #9, item 12)', () => {
  it.each([
    [
      'Variable "$input" got invalid value { email: "a@b.c", password: "pw1" }; Field "isAdmin" is not defined by type "SignUpInput". Did you mean "email"?',
      'Variable "$input" got an invalid value; Field "isAdmin" is not defined by type "SignUpInput".',
    ],
    [
      'Variable "$input" got invalid value { value: "pw1" } at "input.password"; String cannot represent a non string value: { value: "pw1" }',
      'Variable "$input" got an invalid value at "input.password"; String cannot represent a non string value.',
    ],
    [
      'Variable "$input" got invalid value { email: "pw1" }; Field "password" of required type "String!" was not provided.',
      'Variable "$input" got an invalid value; Field "password" of required type "String!" was not provided.',
    ],
    [
      'Variable "$role" got invalid value "pw1"; Value "pw1" does not exist in "Role" enum. Did you mean the enum value "ADMIN"?',
      'Variable "$role" got an invalid value; The value is not one of the "Role" enum\'s values.',
    ],
    [
      'Variable "$at" got invalid value "pw1"; Expected type "DateTime". DateTime cannot represent an invalid date-time-string pw1.',
      'Variable "$at" got an invalid value; Expected type "DateTime".',
    ],
    ['Variable "$email" got invalid value "pw1"; Value is not a valid email address: pw1', 'Variable "$email" got an invalid value; The value does not fit the type.'],
    ['Expected value of type "String!", found {secret: "pw1"}.', 'Expected value of type "String!"; the value given does not fit it.'],
    ['String cannot represent a non string value: {secret: "pw1"}', 'String cannot represent a non string value.'],
  ])('%s', (message, expected) => {
    expect(withoutInputValues(message)).toBe(expected);
    expect(withoutInputValues(message)).not.toContain('pw1');
  });

  it('leaves other messages alone', () => {
    expect(withoutInputValues('Variable "$input" of required type "SignUpInput!" was not provided.')).toBe(
      'Variable "$input" of required type "SignUpInput!" was not provided.',
    );
    expect(withoutInputValues('Product 42 was not found.')).toBe('Product 42 was not found.');
  });
});
