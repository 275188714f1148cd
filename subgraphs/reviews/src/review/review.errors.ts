import { DomainError, ErrorCode } from '@techally/platform';

/** The review domain's deliberate errors, each with its registered code (README.md, House style). */
export const ReviewError = {
  alreadyExists(productId: string): DomainError {
    return new DomainError(
      ErrorCode.REVIEW_ALREADY_EXISTS,
      'You have already reviewed this product; edit that review instead.',
      { field: 'productId', productId },
    );
  },

  notFound(id: string): DomainError {
    return DomainError.notFound('Review', id);
  },

  notYours(): DomainError {
    return DomainError.forbidden('Only the author of a review may change it.');
  },

  notYoursToDelete(): DomainError {
    return DomainError.forbidden('Only the author of a review or an administrator may delete it.');
  },

  /** A verified token whose subject is not a user id: it names no one who could author a review. */
  notAUser(): DomainError {
    return DomainError.unauthenticated('The access token does not name a user of this graph.');
  },

  unknownProduct(productId: string): DomainError {
    return DomainError.badUserInput(`productId "${productId}" is not a product of this catalog.`, 'productId');
  },

  productUnavailable(productId: string): DomainError {
    return new DomainError(ErrorCode.PRODUCT_UNAVAILABLE, 'This product is no longer sold and cannot be reviewed.', {
      field: 'productId',
      productId,
    });
  },
};
