import { UniqueConstraintViolationException } from '@mikro-orm/core';

/**
 * The name of the unique constraint a failed write violated, or null when the error is anything else. The
 * unique index is what decides between two concurrent writers, so the translation into a domain error happens
 * after the write, never as a check before it.
 */
export function violatedUniqueConstraint(error: unknown): string | null {
  if (!(error instanceof UniqueConstraintViolationException)) return null;
  const constraint = (error as { constraint?: unknown }).constraint;
  return typeof constraint === 'string' ? constraint : null;
}
