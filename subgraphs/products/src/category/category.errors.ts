import { DomainError, ErrorCode } from '@techally/platform';

/** The category domain's deliberate errors, each with its registered code (README.md, House style). */
export const CategoryError = {
  slugTaken(slug: string): DomainError {
    return new DomainError(ErrorCode.SLUG_TAKEN, `Another category already has the slug "${slug}".`, { field: 'slug', slug });
  },

  unknownParent(parentId: string): DomainError {
    return DomainError.badUserInput(`parentId "${parentId}" is not a category of this catalog.`, 'parentId');
  },
};
