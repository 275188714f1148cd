import { emailLocalPart, normalizeEmail } from '../user.email';

describe('email addresses', () => {
  it('are trimmed and lower-cased', () => {
    expect(normalizeEmail('  Ada.Lovelace@Example.COM ')).toBe('ada.lovelace@example.com');
  });

  it.each([[''], ['plain'], ['a@b'], ['a@@example.com'], ['Ada <ada@example.com>'], [`${'a'.repeat(250)}@example.com`]])(
    'refuse %p',
    (input) => {
      expect(normalizeEmail(input)).toBeNull();
    },
  );

  it('have a local part before the last @', () => {
    expect(emailLocalPart('ada@example.com')).toBe('ada');
  });
});
