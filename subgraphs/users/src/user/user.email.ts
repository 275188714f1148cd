import { isEmail } from 'class-validator';

/** RFC 5321 caps a forward path at 256 octets including the brackets, so an address at 254. */
const MAX_EMAIL_LENGTH = 254;

/**
 * The canonical form of an email address: trimmed and lower-cased, so `Ada@Example.com ` and `ada@example.com`
 * are one account (the unique index sees canonical values only). Null when it is not an address.
 *
 * Lower-casing the local part is technically lossy (RFC 5321 lets a server treat it case-sensitively) but no
 * mainstream provider does, and two accounts differing only by case are a support nightmare.
 */
export function normalizeEmail(input: string): string | null {
  const email = input.trim().toLowerCase();
  if (email.length === 0 || email.length > MAX_EMAIL_LENGTH) return null;
  return isEmail(email, { allow_display_name: false, require_tld: true, allow_ip_domain: false }) ? email : null;
}

/** The part before the last `@`: what a password must not contain. */
export function emailLocalPart(email: string): string {
  return email.slice(0, email.lastIndexOf('@'));
}
