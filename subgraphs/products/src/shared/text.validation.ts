import { DomainError } from '@techally/platform';
import { MAX_SLUG_LENGTH, SLUG_PATTERN } from '@techally/platform';

/**
 * A required human-readable text (a name): trimmed, not empty, at most `max` characters. Returns the trimmed
 * value; BAD_USER_INPUT naming `field` otherwise.
 */
export function requireText(value: string, field: string, max: number): string {
  const trimmed = value.trim();
  if (trimmed.length === 0) throw DomainError.badUserInput(`${field} must not be empty.`, field);
  if (trimmed.length > max) {
    throw DomainError.badUserInput(`${field} must be at most ${max} characters, got ${trimmed.length}.`, field);
  }
  return trimmed;
}

/** A client-chosen slug: lowercase letters and digits in dash-separated words, at most 120 characters. */
export function requireSlug(value: string, field = 'slug'): string {
  if (value.length > MAX_SLUG_LENGTH || !SLUG_PATTERN.test(value)) {
    throw DomainError.badUserInput(
      `${field} must be lowercase letters and digits separated by single dashes (at most ${MAX_SLUG_LENGTH} characters), got "${value}".`,
      field,
    );
  }
  return value;
}
