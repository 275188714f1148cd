import { DomainError, ErrorCode } from '@techally/platform';

/** Checkout's deliberate errors about the catalog's answer, each naming the input field it is about. */
export const CheckoutError = {
  unknownProduct(productId: string, field: string): DomainError {
    return DomainError.badUserInput(`Product ${productId} does not exist.`, field);
  },

  archived(productId: string, name: string, field: string): DomainError {
    return new DomainError(ErrorCode.PRODUCT_UNAVAILABLE, `"${name}" (${productId}) is no longer sold.`, { field, productId });
  },

  wrongCurrency(productId: string, currency: string, shopCurrency: string, field: string): DomainError {
    return new DomainError(
      ErrorCode.PRODUCT_UNAVAILABLE,
      `Product ${productId} is priced in ${currency}; this shop takes orders in ${shopCurrency} only.`,
      { field, productId },
    );
  },
};
