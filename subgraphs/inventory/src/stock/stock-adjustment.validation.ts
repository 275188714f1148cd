import { DomainError } from '@techally/platform';

/** A million units in one adjustment is a typo (a barcode scanned into the quantity field), not a delivery. */
export const MAX_ADJUSTMENT = 1_000_000;
export const MAX_NOTE_LENGTH = 500;

/** A whole, non-zero number of units, at most MAX_ADJUSTMENT either way; BAD_USER_INPUT naming `delta`. */
export function validateDelta(delta: number): number {
  if (!Number.isInteger(delta) || delta === 0 || Math.abs(delta) > MAX_ADJUSTMENT) {
    throw DomainError.badUserInput(
      `delta must be a whole number of units, not 0, from -${MAX_ADJUSTMENT} to ${MAX_ADJUSTMENT}; got ${delta}.`,
      'delta',
    );
  }
  return delta;
}

/** Trimmed; blank means no note. BAD_USER_INPUT naming `note` when longer than MAX_NOTE_LENGTH. */
export function validateNote(note: string | null | undefined): string | null {
  const trimmed = note?.trim() ?? '';
  if (trimmed.length > MAX_NOTE_LENGTH) {
    throw DomainError.badUserInput(`note must be at most ${MAX_NOTE_LENGTH} characters, got ${trimmed.length}.`, 'note');
  }
  return trimmed === '' ? null : trimmed;
}
