import { errorCodes } from '@techally/testing';
import { A_IN_GB, A_IN_US, B_IN_DE, CABLE, CUSTOMER_A, CUSTOMER_B, HEADPHONES } from '../../__tests__/fixtures';
import { PLACE_ORDER } from '../../__tests__/operations';
import { newIdempotencyKey, startOrdersHarness, type OrdersHarness } from '../../__tests__/orders-harness';

let h: OrdersHarness;

beforeAll(async () => {
  h = await startOrdersHarness();
});
afterAll(() => h?.stop());

const CART = [
  { productId: CABLE.id, quantity: 2 },
  { productId: HEADPHONES.id, quantity: 1 },
];

function place(idempotencyKey: string, items = CART, shippingAddressId = A_IN_US.id, token = h.tokens.a) {
  return h.query(PLACE_ORDER, { input: { items, shippingAddressId, idempotencyKey } }, token);
}

async function ordersUnder(customerId: string, idempotencyKey: string): Promise<number> {
  const [row] = await h.sql<{ count: number }>(
    `select count(*)::int as count from orders."order" where customer_id = ? and idempotency_key = ?`,
    [customerId, idempotencyKey],
  );
  return row!.count;
}

describe('placeOrder is idempotent per customer and key', () => {
  it('returns the order already placed when the same cart comes again under the same key, placing no second one', async () => {
    const key = newIdempotencyKey();
    const first = await place(key);
    const before = await h.tableCounts();
    const calls = { users: h.users.calls.length, products: h.products.calls.length };

    const retry = await place(key);
    expect(retry.errors).toBeUndefined();
    expect(retry.data!['placeOrder']).toEqual(first.data!['placeOrder']);
    expect(await h.tableCounts()).toEqual(before);
    // A retry is answered from the stored order: no second round of service calls.
    expect({ users: h.users.calls.length, products: h.products.calls.length }).toEqual(calls);
  });

  it('treats the same lines in another order as the same cart', async () => {
    const key = newIdempotencyKey();
    const first = await place(key);
    const retry = await place(key, [...CART].reverse());
    expect(retry.data!['placeOrder'].id).toBe(first.data!['placeOrder'].id);
    expect(await ordersUnder(CUSTOMER_A, key)).toBe(1);
  });

  it.each([
    ['another quantity', [{ productId: CABLE.id, quantity: 3 }, { productId: HEADPHONES.id, quantity: 1 }], A_IN_US.id],
    ['another product set', [{ productId: CABLE.id, quantity: 2 }], A_IN_US.id],
    ['another address', CART, A_IN_GB.id],
  ])('refuses %s under a used key with IDEMPOTENCY_KEY_REUSED, writing nothing', async (_case, items, addressId) => {
    const key = newIdempotencyKey();
    await place(key);
    const before = await h.tableCounts();
    const response = await place(key, items, addressId);
    expect(errorCodes(response)).toEqual(['IDEMPOTENCY_KEY_REUSED']);
    expect(response.errors?.[0]).toMatchObject({
      message: `The idempotency key "${key}" was already used for a different order; use a new key for a new order.`,
      extensions: { field: 'idempotencyKey' },
    });
    expect(await h.tableCounts()).toEqual(before);
  });

  it('keeps keys apart between customers: the same key places an order for each', async () => {
    const key = newIdempotencyKey();
    const a = await place(key);
    const b = await place(key, CART, B_IN_DE.id, h.tokens.b);
    expect(b.errors).toBeUndefined();
    expect(b.data!['placeOrder'].id).not.toBe(a.data!['placeOrder'].id);
    expect(b.data!['placeOrder'].customer).toEqual({ id: CUSTOMER_B });
  });

  it('places one order when identical requests race, and answers every one of them with it', async () => {
    const key = newIdempotencyKey();
    const responses = await Promise.all(Array.from({ length: 6 }, () => place(key)));
    for (const response of responses) expect(response.errors).toBeUndefined();
    const ids = new Set(responses.map((response) => response.data!['placeOrder'].id));
    expect(ids.size).toBe(1);
    expect(await ordersUnder(CUSTOMER_A, key)).toBe(1);
    const [orderId] = [...ids];
    const [row] = await h.sql<{ items: number; changes: number }>(
      `select (select count(*)::int from orders.order_item where order_id = ?) as items,
              (select count(*)::int from orders.order_status_change where order_id = ?) as changes`,
      [orderId, orderId],
    );
    expect(row).toEqual({ items: 2, changes: 1 });
  });

  it('lets exactly one of two different carts racing under one key win; the other is IDEMPOTENCY_KEY_REUSED', async () => {
    const key = newIdempotencyKey();
    const responses = await Promise.all([place(key), place(key, [{ productId: CABLE.id, quantity: 1 }])]);
    const outcomes = responses.map((response) => (response.errors ? errorCodes(response)[0] : 'placed')).sort();
    expect(outcomes).toEqual(['IDEMPOTENCY_KEY_REUSED', 'placed']);
    expect(await ordersUnder(CUSTOMER_A, key)).toBe(1);
  });
});
