import type { PlaceOrderRequest } from '../place-order.validation';
import { requestHash } from '../request-hash';

const A = '10000000-0000-4000-8000-000000000001';
const B = '10000000-0000-4000-8000-000000000002';
const HOME = 'a0000000-0000-4000-8000-0000000000a1';
const OFFICE = 'a0000000-0000-4000-8000-0000000000a2';

const cart = (items: PlaceOrderRequest['items'], shippingAddressId = HOME, idempotencyKey = 'key-00000001'): PlaceOrderRequest => ({
  items,
  shippingAddressId,
  idempotencyKey,
});

describe('the request hash of a checkout', () => {
  const base = requestHash(cart([{ productId: A, quantity: 1 }, { productId: B, quantity: 2 }]));

  it('is a sha256 hex digest', () => {
    expect(base).toMatch(/^[0-9a-f]{64}$/);
  });

  it('does not depend on the order of the lines, the letter case of ids or the idempotency key', () => {
    expect(requestHash(cart([{ productId: B, quantity: 2 }, { productId: A, quantity: 1 }]))).toBe(base);
    expect(requestHash(cart([{ productId: A.toUpperCase(), quantity: 1 }, { productId: B, quantity: 2 }], HOME.toUpperCase()))).toBe(base);
    expect(requestHash(cart([{ productId: A, quantity: 1 }, { productId: B, quantity: 2 }], HOME, 'another-key'))).toBe(base);
  });

  it('changes with a quantity, a product or the address', () => {
    expect(requestHash(cart([{ productId: A, quantity: 1 }, { productId: B, quantity: 3 }]))).not.toBe(base);
    expect(requestHash(cart([{ productId: A, quantity: 1 }]))).not.toBe(base);
    expect(requestHash(cart([{ productId: A, quantity: 1 }, { productId: B, quantity: 2 }], OFFICE))).not.toBe(base);
  });
});
