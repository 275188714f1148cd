import { validatePlaceOrder, type PlaceOrderRequest } from '../place-order.validation';

const PRODUCT = '10000000-0000-4000-8000-000000000001';
const OTHER = '10000000-0000-4000-8000-000000000002';
const ADDRESS = 'a0000000-0000-4000-8000-0000000000a1';

function request(overrides: Partial<PlaceOrderRequest> = {}): PlaceOrderRequest {
  return { items: [{ productId: PRODUCT, quantity: 1 }], shippingAddressId: ADDRESS, idempotencyKey: 'checkout-0001', ...overrides };
}

/** The BAD_USER_INPUT field a request is refused with. */
function refusedField(input: PlaceOrderRequest): unknown {
  try {
    validatePlaceOrder(input);
  } catch (error) {
    expect(error).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    return (error as { extensions: { field: unknown } }).extensions.field;
  }
  throw new Error('the request was accepted');
}

const lines = (count: number) =>
  Array.from({ length: count }, (_, index) => ({ productId: `10000000-0000-4000-8000-${String(index).padStart(12, '0')}`, quantity: 1 }));

describe('validating a checkout', () => {
  it('accepts 1 to 50 distinct lines of 1 to 99 each, normalising ids to lower case', () => {
    expect(validatePlaceOrder(request({ items: [{ productId: PRODUCT.toUpperCase(), quantity: 99 }] })).items).toEqual([
      { productId: PRODUCT, quantity: 99 },
    ]);
    expect(validatePlaceOrder(request({ items: lines(50) })).items).toHaveLength(50);
  });

  it('refuses an empty cart and more than 50 lines, naming items', () => {
    expect(refusedField(request({ items: [] }))).toBe('items');
    expect(refusedField(request({ items: lines(51) }))).toBe('items');
  });

  it.each([0, -1, 100, 1_000_000, 1.5, Number.NaN])('refuses quantity %p, naming the line', (quantity) => {
    const items = [{ productId: OTHER, quantity: 1 }, { productId: PRODUCT, quantity }];
    expect(refusedField(request({ items }))).toBe('items[1].quantity');
  });

  it('refuses the same product twice (in any letter case), naming the second line', () => {
    const items = [{ productId: PRODUCT, quantity: 1 }, { productId: OTHER, quantity: 1 }, { productId: PRODUCT.toUpperCase(), quantity: 2 }];
    expect(refusedField(request({ items }))).toBe('items[2].productId');
  });

  it('refuses a product id that is not a UUID, naming the line', () => {
    expect(refusedField(request({ items: [{ productId: 'SNY-WH1000XM5', quantity: 1 }] }))).toBe('items[0].productId');
  });

  it.each(['short', 'x'.repeat(101), 'has space in it', 'semi;colon-key', 'ünïcode-key', ''])('refuses idempotency key %p', (idempotencyKey) => {
    expect(refusedField(request({ idempotencyKey }))).toBe('idempotencyKey');
  });

  it('accepts an idempotency key of 8 to 100 letters, digits, "-" and "_"', () => {
    for (const idempotencyKey of ['abcdEFGH', 'x'.repeat(100), '3f9c1a2e-5b7d-4e8f-9a0b-1c2d3e4f5a6b', 'cart_2025-01-06']) {
      expect(validatePlaceOrder(request({ idempotencyKey })).idempotencyKey).toBe(idempotencyKey);
    }
  });

  it('refuses a shipping address id that is not a UUID', () => {
    expect(refusedField(request({ shippingAddressId: 'home' }))).toBe('shippingAddressId');
  });
});
