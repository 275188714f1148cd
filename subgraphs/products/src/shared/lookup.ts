import { DomainError } from '@techally/platform';

/**
 * Which of two alternative keys a lookup (`product(id:, slug:)`) uses. Exactly one must be given: with both,
 * the answer would silently depend on which one we read first.
 */
export function exactlyOneKey(id: string | null | undefined, slug: string | null | undefined): 'id' | 'slug' {
  const hasId = id !== null && id !== undefined;
  const hasSlug = slug !== null && slug !== undefined;
  if (hasId === hasSlug) {
    throw DomainError.badUserInput(
      hasId ? 'Pass either "id" or "slug", not both.' : 'Pass one of "id" or "slug".',
      hasId ? 'slug' : 'id',
    );
  }
  return hasId ? 'id' : 'slug';
}
