import { DomainError, ErrorCode } from '@techally/platform';

/** The product domain's deliberate errors, each with its registered code (README.md, House style). */
export const ProductError = {
  skuTaken(sku: string): DomainError {
    return new DomainError(ErrorCode.SKU_TAKEN, `Another product already has the SKU "${sku}".`, { field: 'sku', sku });
  },

  slugTaken(slug: string): DomainError {
    return new DomainError(ErrorCode.SLUG_TAKEN, `Another product already has the slug "${slug}".`, { field: 'slug', slug });
  },

  notFound(id: string): DomainError {
    return DomainError.notFound('Product', id);
  },

  /** An argument that must name an existing product (any status) names none. */
  unknownProduct(productId: string, field: string): DomainError {
    return DomainError.badUserInput(`${field} "${productId}" is not a product of this catalog.`, field);
  },

  unknownCategory(categoryId: string, field = 'categoryId'): DomainError {
    return DomainError.badUserInput(`${field} "${categoryId}" is not a category of this catalog.`, field);
  },
};
