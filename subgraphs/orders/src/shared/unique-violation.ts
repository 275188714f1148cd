import { UniqueConstraintViolationException } from '@mikro-orm/core';

/**
 * The name of the unique constraint a failed write violated, or null when the error is anything else.
 * The order repository reads it to tell "this idempotency key is already taken" from any other failure: the
 * unique index is what decides between two concurrent writers, so the check must follow the write.
 */
export function violatedUniqueConstraint(error: unknown): string | null {
  if (!(error instanceof UniqueConstraintViolationException)) return null;
  const constraint = (error as { constraint?: unknown }).constraint;
  return typeof constraint === 'string' ? constraint : null;
}
