import { checkPasswordPolicy } from '../password.policy';

const email = 'grace.hopper@example.com';

describe('the password policy', () => {
  it.each([
    ['a long passphrase', 'correct-horse-battery-staple'],
    ['exactly 10 characters', 'k9#vLq2!mZ'],
    ['exactly 128 characters', 'x'.repeat(128)],
    ['10 emoji (characters, not bytes)', '🔑'.repeat(10)],
  ])('accepts %s', (_case, password) => {
    expect(checkPasswordPolicy(password, email)).toBeNull();
  });

  it.each([
    ['9 characters', 'k9#vLq2!m', 'TOO_SHORT'],
    ['129 characters', 'x'.repeat(129), 'TOO_LONG'],
    ['a common password, in any case', 'QWERTYUIOP', 'COMMON'],
    ['the email\'s name part', 'my-Grace.Hopper-pass', 'CONTAINS_EMAIL'],
  ])('refuses %s', (_case, password, rule) => {
    expect(checkPasswordPolicy(password, email)).toMatchObject({ rule, message: expect.any(String) });
  });

  it('does not hold a very short name part against the password', () => {
    expect(checkPasswordPolicy('al-the-password-is-long', 'al@example.com')).toBeNull();
  });
});
