import { UniqueConstraintViolationException } from '@mikro-orm/core';

/**
 * The name of the unique constraint a failed write violated, or null when the error is anything else.
 * Repositories turn it into a domain error (SKU_TAKEN, an idempotency key already taken): the unique index is
 * what decides between two concurrent writers, so the translation happens after the write, never as a check
 * before it.
 */
export function violatedUniqueConstraint(error: unknown): string | null {
  if (!(error instanceof UniqueConstraintViolationException)) return null;
  const constraint = (error as { constraint?: unknown }).constraint;
  return typeof constraint === 'string' ? constraint : null;
}
