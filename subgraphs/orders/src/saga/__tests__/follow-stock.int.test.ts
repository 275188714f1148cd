import { createEvent } from '@techally/events';
import { CUSTOMER_A } from '../../__tests__/fixtures';
import { givenOrders, GIVEN_ORDER_TOTAL } from '../../__tests__/order-factory';
import { startOrdersHarness, type OrdersHarness } from '../../__tests__/orders-harness';
import { OrderStatus } from '../../order/order-status';
import { FOLLOW_STOCK_GROUP, followStockConsumer } from '../follow-stock.consumer';
import { deliver, historyOf, inboxHas, orderRow, sagaDependencies } from './saga-spec-support';

let h: OrdersHarness;

beforeAll(async () => {
  h = await startOrdersHarness();
});
afterAll(() => h?.stop());

const NOW = new Date('2026-11-26T10:00:00.000Z');
const EXPIRES = '2026-11-26T10:15:00.000Z';

function consumer() {
  return followStockConsumer(sagaDependencies(h, () => NOW));
}

async function givenOrder(status: OrderStatus): Promise<string> {
  const [id] = await givenOrders(h.subgraph.orm, [{ customerId: CUSTOMER_A, status, placedAt: new Date(NOW.getTime() - 60_000) }]);
  return id!;
}

function reserved(orderId: string, reservationExpiresAt = EXPIRES) {
  return createEvent('inventory.stock-reserved.v1', orderId, { orderId, reservationExpiresAt }, { requestId: 'req-placing' });
}

function reservationFailed(orderId: string) {
  return createEvent('inventory.stock-reservation-failed.v1', orderId, {
    orderId,
    reason: 'OUT_OF_STOCK',
    productIds: ['10000000-0000-4000-8000-000000000001'],
  });
}

describe('orders.follow-stock', () => {
  it('moves a PENDING order to AWAITING_PAYMENT when its stock is reserved, due when the reservation expires, and asks for the payment', async () => {
    const id = await givenOrder(OrderStatus.PENDING);
    const event = reserved(id);
    await deliver(consumer(), event);

    expect(await orderRow(h, id)).toEqual({ status: 'AWAITING_PAYMENT', cancellation_reason: null, payment_due_at: EXPIRES });
    expect((await historyOf(h, id)).at(-1)).toEqual({
      from_status: 'PENDING',
      to_status: 'AWAITING_PAYMENT',
      reason: 'stock reserved',
      actor: 'system:inventory',
    });
    const events = await h.outbox(id);
    expect(events.map((row) => [row.type, row.payload])).toEqual([
      ['orders.order-status-changed.v1', { orderId: id, customerId: CUSTOMER_A, status: 'AWAITING_PAYMENT', previousStatus: 'PENDING' }],
      ['orders.payment-requested.v1', { orderId: id, customerId: CUSTOMER_A, amount: { amount: GIVEN_ORDER_TOTAL, currency: 'USD' }, payBy: EXPIRES }],
    ]);
    // The chain keeps the request id of the request that started it.
    expect(events.map((row) => row.metadata)).toEqual([{ requestId: 'req-placing' }, { requestId: 'req-placing' }]);
    expect(await inboxHas(h, event.id, FOLLOW_STOCK_GROUP)).toBe(true);
  });

  it('cancels a PENDING order with OUT_OF_STOCK when the reservation failed', async () => {
    const id = await givenOrder(OrderStatus.PENDING);
    await deliver(consumer(), reservationFailed(id));

    expect(await orderRow(h, id)).toMatchObject({ status: 'CANCELLED', cancellation_reason: 'OUT_OF_STOCK', payment_due_at: null });
    expect((await historyOf(h, id)).at(-1)).toEqual({
      from_status: 'PENDING',
      to_status: 'CANCELLED',
      reason: 'stock not reserved: OUT_OF_STOCK',
      actor: 'system:inventory',
    });
    expect((await h.outbox(id)).map((row) => [row.type, row.payload])).toEqual([
      ['orders.order-status-changed.v1', { orderId: id, customerId: CUSTOMER_A, status: 'CANCELLED', previousStatus: 'PENDING' }],
      ['orders.order-cancelled.v1', { orderId: id, reason: 'OUT_OF_STOCK' }],
    ]);
  });

  it('applies an event delivered twice once: one history step, one set of events', async () => {
    const id = await givenOrder(OrderStatus.PENDING);
    const event = reserved(id);
    await deliver(consumer(), event);
    const after = await h.tableCounts();
    await deliver(consumer(), event);
    await Promise.all([deliver(consumer(), event), deliver(consumer(), event)]);

    expect(await h.tableCounts()).toEqual(after);
    expect((await historyOf(h, id)).map((step) => step.to_status)).toEqual(['PENDING', 'AWAITING_PAYMENT']);
    expect(await h.outbox(id)).toHaveLength(2);
  });

  it.each([
    ['stock-reserved', reserved],
    ['stock-reservation-failed', reservationFailed],
  ])('changes nothing when %s comes for an order already CANCELLED (the customer was quicker)', async (_type, make) => {
    const id = await givenOrder(OrderStatus.CANCELLED);
    const before = await h.tableCounts();
    const event = make(id);
    await deliver(consumer(), event);

    expect(await orderRow(h, id)).toEqual({ status: 'CANCELLED', cancellation_reason: null, payment_due_at: null });
    expect(await h.tableCounts()).toEqual(before);
    // Handled (acknowledged) all the same: a redelivery will not try again.
    expect(await inboxHas(h, event.id, FOLLOW_STOCK_GROUP)).toBe(true);
  });

  it('changes nothing when a second reservation comes for an order already AWAITING_PAYMENT', async () => {
    const id = await givenOrder(OrderStatus.PENDING);
    await deliver(consumer(), reserved(id));
    const before = await h.tableCounts();
    await deliver(consumer(), reserved(id, '2026-11-26T11:00:00.000Z'));

    expect(await orderRow(h, id)).toMatchObject({ status: 'AWAITING_PAYMENT', payment_due_at: EXPIRES });
    expect(await h.tableCounts()).toEqual(before);
  });

  it('acknowledges an event about an order it does not know, changing nothing', async () => {
    const before = await h.tableCounts();
    await expect(deliver(consumer(), reserved('dead0000-0000-4000-8000-00000000dead'))).resolves.toBeUndefined();
    expect(await h.tableCounts()).toEqual(before);
  });

  it('records nothing, not even the inbox row, when its transaction fails: the bus redelivers and it applies then', async () => {
    const id = await givenOrder(OrderStatus.PENDING);
    const event = reserved(id);
    await h.sql(`alter table orders.outbox add constraint spec_refuses_payment_requested check (type <> 'orders.payment-requested.v1') not valid`);
    try {
      await expect(deliver(consumer(), event)).rejects.toThrow();
    } finally {
      await h.sql(`alter table orders.outbox drop constraint spec_refuses_payment_requested`);
    }
    expect(await orderRow(h, id)).toMatchObject({ status: 'PENDING', payment_due_at: null });
    expect(await historyOf(h, id)).toHaveLength(1);
    expect(await h.outbox(id)).toEqual([]);
    expect(await inboxHas(h, event.id, FOLLOW_STOCK_GROUP)).toBe(false);

    await deliver(consumer(), event);
    expect(await orderRow(h, id)).toMatchObject({ status: 'AWAITING_PAYMENT' });
  });
});
