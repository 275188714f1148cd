import { emailLocalPart } from './user.email';

export const MIN_PASSWORD_LENGTH = 10;
/** An upper bound keeps a megabyte "password" from becoming a hashing denial of service. */
export const MAX_PASSWORD_LENGTH = 128;

/**
 * Passwords that pass a length rule but that every credential-stuffing list starts with. Small on purpose: the
 * length rule does most of the work (NIST SP 800-63B §5.1.1.2); this catches the famous ones.
 */
const COMMON_PASSWORDS: ReadonlySet<string> = new Set([
  '1234567890',
  '12345678910',
  '0123456789',
  '1111111111',
  '0000000000',
  '123123123123',
  'qwertyuiop',
  'qwerty123456',
  '1q2w3e4r5t',
  '1qaz2wsx3edc',
  'asdfghjkl1',
  'password12',
  'password123',
  'password1234',
  'passw0rd123',
  'iloveyou123',
  'letmein1234',
  'welcome123',
  'welcome1234',
  'changeme123',
  'administrator',
  'football123',
  'baseball123',
  'sunshine123',
  'princess123',
  'superman123',
  'trustno1234',
  'abcdefghij',
  'abc1234567',
  'monkey12345',
  'dragon12345',
  'starwars123',
  'techally123',
]);

export type PasswordRule = 'TOO_SHORT' | 'TOO_LONG' | 'COMMON' | 'CONTAINS_EMAIL';

export interface PasswordWeakness {
  readonly rule: PasswordRule;
  /** Written for the person choosing the password. */
  readonly message: string;
}

/**
 * Checks a new password against the policy; null when it is acceptable, otherwise the first rule it breaks.
 * Lengths count characters (code points), not bytes, so an emoji is one character as a person sees it.
 */
export function checkPasswordPolicy(password: string, email: string): PasswordWeakness | null {
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) {
    return { rule: 'TOO_SHORT', message: `The password must be at least ${MIN_PASSWORD_LENGTH} characters long.` };
  }
  if (length > MAX_PASSWORD_LENGTH) {
    return { rule: 'TOO_LONG', message: `The password must be at most ${MAX_PASSWORD_LENGTH} characters long.` };
  }
  if (COMMON_PASSWORDS.has(password.toLowerCase())) {
    return { rule: 'COMMON', message: 'The password is one of the most common passwords; choose another.' };
  }
  const localPart = emailLocalPart(email).toLowerCase();
  // Very short local parts ("al@…") would forbid too many good passwords for little gain.
  if (localPart.length >= 3 && password.toLowerCase().includes(localPart)) {
    return { rule: 'CONTAINS_EMAIL', message: 'The password must not contain your email address or its name part.' };
  }
  return null;
}
