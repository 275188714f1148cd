import { displayTextProblem, DomainError } from '@techally/platform';

/**
 * Rules for what a customer may write into a review. Each failure is BAD_USER_INPUT whose message and
 * `extensions.field` name the offending input field, so a form can put the message next to it. Lengths are
 * counted in characters (code points), as Postgres's `char_length` counts them in the table's checks.
 */

export const MIN_RATING = 1;
export const MAX_RATING = 5;
export const MAX_TITLE_LENGTH = 120;
export const MAX_BODY_LENGTH = 5_000;
export const MAX_HIDDEN_REASON_LENGTH = 500;

export function validateRating(rating: number): number {
  if (!Number.isInteger(rating) || rating < MIN_RATING || rating > MAX_RATING) {
    throw DomainError.badUserInput(`rating must be a whole number of stars from ${MIN_RATING} to ${MAX_RATING}, got ${rating}.`, 'rating');
  }
  return rating;
}

/** A title is one line shown beside its author's name to every reader: nothing hidden, nothing turned around. */
export function validateTitle(title: string): string {
  const trimmed = requireText(title, 'title', MAX_TITLE_LENGTH);
  const problem = displayTextProblem(trimmed);
  if (problem) throw DomainError.badUserInput(`title ${problem}.`, 'title');
  return trimmed;
}

export function validateBody(body: string): string {
  return requireText(body, 'body', MAX_BODY_LENGTH);
}

/** A moderator's note: optional; blank means none. */
export function validateHiddenReason(reason: string | null | undefined): string | null {
  const trimmed = reason?.trim() ?? '';
  if (trimmed.length === 0) return null;
  const length = characterCount(trimmed);
  if (length > MAX_HIDDEN_REASON_LENGTH) {
    throw DomainError.badUserInput(`reason must be at most ${MAX_HIDDEN_REASON_LENGTH} characters, got ${length}.`, 'reason');
  }
  return trimmed;
}

/** Trimmed, not empty, at most `max` characters; returns the trimmed text. */
function requireText(value: string, field: string, max: number): string {
  const trimmed = value.trim();
  if (trimmed.length === 0) throw DomainError.badUserInput(`${field} must not be empty.`, field);
  const length = characterCount(trimmed);
  if (length > max) throw DomainError.badUserInput(`${field} must be at most ${max} characters, got ${length}.`, field);
  return trimmed;
}

/** Code points, not UTF-16 units: an emoji is one character to a reader and to Postgres. */
function characterCount(text: string): number {
  let count = 0;
  for (const _ of text) count += 1;
  return count;
}
