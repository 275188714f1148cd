import { isUuid, uuidArrayLiteral } from '../uuid';

describe('isUuid', () => {
  it.each(['0f8fad5b-d9cb-469f-a165-70867728950e', '0F8FAD5B-D9CB-469F-A165-70867728950E', '00000000-0000-0000-0000-000000000000'])(
    'accepts %j',
    (value) => {
      expect(isUuid(value)).toBe(true);
    },
  );

  it.each([
    ['an empty string', ''],
    ['a slug', 'sony-wh-1000xm5'],
    ['a uuid without dashes', '0f8fad5bd9cb469fa16570867728950e'],
    ['a uuid in braces', '{0f8fad5b-d9cb-469f-a165-70867728950e}'],
    ['a uuid with a trailing newline', '0f8fad5b-d9cb-469f-a165-70867728950e\n'],
    ['a uuid with a NUL', '0f8fad5b-d9cb-469f-a165-70867728950e\u0000'],
    ['a number', 42],
    ['null', null],
  ])('refuses %s', (_label, value) => {
    expect(isUuid(value)).toBe(false);
  });
});

describe('uuidArrayLiteral', () => {
  it('writes the ids as one Postgres array literal, in order, and an empty list as an empty array', () => {
    expect(uuidArrayLiteral(['0f8fad5b-d9cb-469f-a165-70867728950e', '0F8FAD5B-D9CB-469F-A165-70867728950F'])).toBe(
      '{0f8fad5b-d9cb-469f-a165-70867728950e,0F8FAD5B-D9CB-469F-A165-70867728950F}',
    );
    expect(uuidArrayLiteral([])).toBe('{}');
  });

  it('refuses anything that is not a uuid rather than let it into the literal', () => {
    expect(() => uuidArrayLiteral(['0f8fad5b-d9cb-469f-a165-70867728950e', 'x},{0f8fad5b-d9cb-469f-a165-70867728950e'])).toThrow(/not a uuid/);
  });
});
