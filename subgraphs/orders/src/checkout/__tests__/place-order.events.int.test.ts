import { bearer, errorCodes, postGraphQL } from '@techally/testing';
import { A_IN_US, CABLE, CUSTOMER_A, eventLine, HEADPHONES, UNKNOWN_PRODUCT } from '../../__tests__/fixtures';
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

function place(idempotencyKey: string, items = CART) {
  return h.query(PLACE_ORDER, { input: { items, shippingAddressId: A_IN_US.id, idempotencyKey } }, h.tokens.a);
}

describe('placeOrder writes the saga’s first events in the transaction of the insert', () => {
  it('writes exactly orders.order-placed.v1 then orders.order-status-changed.v1 (→ PENDING), with the server’s total', async () => {
    const before = await h.tableCounts();
    const response = await place(newIdempotencyKey());
    expect(response.errors).toBeUndefined();
    const order = response.data!['placeOrder'];

    const events = await h.outbox(order.id);
    expect(events.map((event) => event.type)).toEqual(['orders.order-placed.v1', 'orders.order-status-changed.v1']);
    expect(events.every((event) => event.aggregateId === order.id)).toBe(true);
    expect(events[0]!.payload).toEqual({
      orderId: order.id,
      orderNumber: order.number,
      customerId: CUSTOMER_A,
      // Name, SKU and unit price as placeOrder priced them (issue #14): a receipt needs no other service.
      items: [eventLine(CABLE, 2), eventLine(HEADPHONES, 1)],
      total: { amount: order.total.amount, currency: 'USD' },
    });
    expect(events[1]!.payload).toEqual({ orderId: order.id, customerId: CUSTOMER_A, status: 'PENDING', previousStatus: null });
    expect(await h.tableCounts()).toEqual({
      orders: before.orders + 1,
      items: before.items + 2,
      changes: before.changes + 1,
      events: before.events + 2,
    });
  });

  it('carries the request id of the placing request on its events', async () => {
    const requestId = `req-${newIdempotencyKey()}`;
    const input = { items: CART, shippingAddressId: A_IN_US.id, idempotencyKey: newIdempotencyKey() };
    const response = await postGraphQL(h.url, PLACE_ORDER, { input }, { ...bearer(h.tokens.a), 'x-request-id': requestId });
    const orderId = (response.data as { placeOrder: { id: string } }).placeOrder.id;
    expect((await h.outbox(orderId)).map((event) => event.metadata)).toEqual([{ requestId }, { requestId }]);
  });

  it('writes nothing when the same cart is replayed under its key', async () => {
    const key = newIdempotencyKey();
    const first = await place(key);
    const before = await h.tableCounts();
    const replay = await place(key);
    expect(replay.data!['placeOrder'].id).toBe(first.data!['placeOrder'].id);
    expect(await h.tableCounts()).toEqual(before);
    expect(await h.outbox(first.data!['placeOrder'].id)).toHaveLength(2);
  });

  it.each([
    ['an unknown product', async () => () => place(newIdempotencyKey(), [{ productId: UNKNOWN_PRODUCT, quantity: 1 }]), 'BAD_USER_INPUT'],
    [
      'an anonymous caller',
      async () => () => h.query(PLACE_ORDER, { input: { items: CART, shippingAddressId: A_IN_US.id, idempotencyKey: newIdempotencyKey() } }),
      'UNAUTHENTICATED',
    ],
    [
      'a used key with another cart',
      async () => {
        const key = newIdempotencyKey();
        await place(key);
        return () => place(key, [{ productId: CABLE.id, quantity: 5 }]);
      },
      'IDEMPOTENCY_KEY_REUSED',
    ],
  ])('writes no event when refused (%s)', async (_case, given, code) => {
    const attempt = await given();
    const before = await h.tableCounts();
    expect(errorCodes(await attempt())).toEqual([code]);
    expect(await h.tableCounts()).toEqual(before);
  });

  it('commits no order when its events cannot be written: order, lines, history and events are one transaction', async () => {
    await h.sql(`alter table orders.outbox add constraint spec_refuses_placed check (type <> 'orders.order-placed.v1') not valid`);
    try {
      const before = await h.tableCounts();
      const response = await place(newIdempotencyKey());
      expect(errorCodes(response)).toEqual(['INTERNAL_SERVER_ERROR']);
      expect(await h.tableCounts()).toEqual(before);
    } finally {
      await h.sql(`alter table orders.outbox drop constraint spec_refuses_placed`);
    }
  });

  it('writes the events once when identical requests race (the losers’ transactions roll back)', async () => {
    const key = newIdempotencyKey();
    const responses = await Promise.all(Array.from({ length: 6 }, () => place(key)));
    const ids = new Set(responses.map((response) => response.data!['placeOrder'].id as string));
    expect(ids.size).toBe(1);
    const [orderId] = [...ids];
    expect((await h.outbox(orderId)).map((event) => event.type)).toEqual(['orders.order-placed.v1', 'orders.order-status-changed.v1']);
  });
});
