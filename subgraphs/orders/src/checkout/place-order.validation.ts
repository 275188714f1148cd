import { DomainError, isUuid } from '@techally/platform';

export const MAX_ORDER_LINES = 50;
export const MAX_QUANTITY = 99;
export const IDEMPOTENCY_KEY_PATTERN = /^[A-Za-z0-9_-]{8,100}$/;

/** What a client sends to place an order. There is no price anywhere in it: prices come from the catalog. */
export interface PlaceOrderRequest {
  readonly items: ReadonlyArray<{ readonly productId: string; readonly quantity: number }>;
  readonly shippingAddressId: string;
  readonly idempotencyKey: string;
}

/**
 * Checks the shape of a checkout before anything is read or asked of another service. Each failure is
 * BAD_USER_INPUT whose `extensions.field` names the input field (`items`, `items[2].quantity`,
 * `idempotencyKey`...), so a client can point at it.
 */
export function validatePlaceOrder(request: PlaceOrderRequest): PlaceOrderRequest {
  const { items } = request;
  if (items.length === 0) throw DomainError.badUserInput('An order needs at least one item.', 'items');
  if (items.length > MAX_ORDER_LINES) {
    throw DomainError.badUserInput(`An order has at most ${MAX_ORDER_LINES} lines, got ${items.length}.`, 'items');
  }
  const seen = new Map<string, number>();
  items.forEach(({ productId, quantity }, index) => {
    if (!isUuid(productId)) {
      throw DomainError.badUserInput(`items[${index}].productId "${productId}" is not a product id.`, `items[${index}].productId`);
    }
    const key = productId.toLowerCase();
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      throw DomainError.badUserInput(
        `Product ${productId} is in items[${earlier}] and items[${index}]; order it once with a larger quantity.`,
        `items[${index}].productId`,
      );
    }
    seen.set(key, index);
    if (!Number.isInteger(quantity) || quantity < 1 || quantity > MAX_QUANTITY) {
      throw DomainError.badUserInput(
        `items[${index}].quantity must be a whole number from 1 to ${MAX_QUANTITY}, got ${quantity}.`,
        `items[${index}].quantity`,
      );
    }
  });
  if (!IDEMPOTENCY_KEY_PATTERN.test(request.idempotencyKey)) {
    throw DomainError.badUserInput(
      'idempotencyKey must be 8 to 100 letters, digits, "-" or "_" (a UUID works); send the same key when retrying the same checkout.',
      'idempotencyKey',
    );
  }
  if (!isUuid(request.shippingAddressId)) throw unknownShippingAddress(request.shippingAddressId);
  return {
    items: items.map(({ productId, quantity }) => ({ productId: productId.toLowerCase(), quantity })),
    shippingAddressId: request.shippingAddressId.toLowerCase(),
    idempotencyKey: request.idempotencyKey,
  };
}

/** The same answer for a malformed id, someone else's address and a deleted one. */
export function unknownShippingAddress(addressId: string): DomainError {
  return DomainError.badUserInput(`shippingAddressId "${addressId}" is not one of your addresses.`, 'shippingAddressId');
}
