import { createEvent } from '@techally/events';
import { CABLE, CUSTOMER_A, eventLine, HEADPHONES } from '../../__tests__/fixtures';
import { givenOrders, GIVEN_ORDER_TOTAL } from '../../__tests__/order-factory';
import { startOrdersHarness, type OrdersHarness } from '../../__tests__/orders-harness';
import { OrderStatus } from '../../order/order-status';
import { FOLLOW_PAYMENTS_GROUP, followPaymentsConsumer } from '../follow-payments.consumer';
import { deliver, historyOf, inboxHas, orderRow, sagaDependencies } from './saga-spec-support';

let h: OrdersHarness;

beforeAll(async () => {
  h = await startOrdersHarness();
});
afterAll(() => h?.stop());

const PAYMENT_ID = '9a000000-0000-4000-8000-000000000001';

function consumer() {
  return followPaymentsConsumer(sagaDependencies(h));
}

async function givenOrder(status: OrderStatus): Promise<string> {
  const [id] = await givenOrders(h.subgraph.orm, [
    { customerId: CUSTOMER_A, status, placedAt: new Date(Date.now() - 60_000), paymentDueAt: new Date(Date.now() + 600_000) },
  ]);
  return id!;
}

function succeeded(orderId: string, amount = GIVEN_ORDER_TOTAL, currency = 'USD') {
  return createEvent('payments.payment-succeeded.v1', orderId, { orderId, paymentId: PAYMENT_ID, amount: { amount, currency } });
}

function failed(orderId: string) {
  return createEvent('payments.payment-failed.v1', orderId, { orderId, paymentId: PAYMENT_ID, failureCode: 'card_declined' });
}

function refunded(orderId: string) {
  return createEvent('payments.payment-refunded.v1', orderId, { orderId, paymentId: PAYMENT_ID });
}

describe('orders.follow-payments: payment-succeeded', () => {
  it('marks an AWAITING_PAYMENT order PAID when the amount is its total, telling inventory and read models what was bought', async () => {
    const id = await givenOrder(OrderStatus.AWAITING_PAYMENT);
    const event = succeeded(id);
    await deliver(consumer(), event);

    expect(await orderRow(h, id)).toMatchObject({ status: 'PAID', cancellation_reason: null });
    expect((await historyOf(h, id)).at(-1)).toEqual({
      from_status: 'AWAITING_PAYMENT',
      to_status: 'PAID',
      reason: 'payment succeeded',
      actor: 'system:payments',
    });
    expect((await h.outbox(id)).map((row) => [row.type, row.payload])).toEqual([
      ['orders.order-status-changed.v1', { orderId: id, customerId: CUSTOMER_A, status: 'PAID', previousStatus: 'AWAITING_PAYMENT' }],
      [
        'orders.order-paid.v1',
        {
          orderId: id,
          orderNumber: (await h.sql<{ number: string }>(`select number from orders."order" where id = ?`, [id]))[0]!.number,
          customerId: CUSTOMER_A,
          // The lines as the order stored them at placeOrder (issue #14), for receipts and reports.
          items: [eventLine(CABLE, 2), eventLine(HEADPHONES, 1)],
          total: { amount: GIVEN_ORDER_TOTAL, currency: 'USD' },
        },
      ],
    ]);
    expect(await inboxHas(h, event.id, FOLLOW_PAYMENTS_GROUP)).toBe(true);
  });

  it.each([
    ['a smaller amount', GIVEN_ORDER_TOTAL - 1, 'USD'],
    ['a larger amount', GIVEN_ORDER_TOTAL + 100, 'USD'],
    ['another currency', GIVEN_ORDER_TOTAL, 'EUR'],
  ])('cancels the order with PAYMENT_AMOUNT_MISMATCH when the payment has %s (payments refunds it)', async (_case, amount, currency) => {
    const id = await givenOrder(OrderStatus.AWAITING_PAYMENT);
    await deliver(consumer(), succeeded(id, amount, currency));

    expect(await orderRow(h, id)).toMatchObject({ status: 'CANCELLED', cancellation_reason: 'PAYMENT_AMOUNT_MISMATCH' });
    const last = (await historyOf(h, id)).at(-1);
    expect(last).toMatchObject({ from_status: 'AWAITING_PAYMENT', to_status: 'CANCELLED', actor: 'system:payments' });
    expect(last!.reason).toMatch(/^payment of .+ does not match the total of \$420\.10$/);
    expect((await h.outbox(id)).map((row) => [row.type, row.payload])).toEqual([
      ['orders.order-status-changed.v1', { orderId: id, customerId: CUSTOMER_A, status: 'CANCELLED', previousStatus: 'AWAITING_PAYMENT' }],
      ['orders.order-cancelled.v1', { orderId: id, reason: 'PAYMENT_AMOUNT_MISMATCH' }],
    ]);
  });

  it.each([OrderStatus.CANCELLED, OrderStatus.PAID, OrderStatus.FULFILLED, OrderStatus.REFUNDED])(
    'changes nothing for an order already %s (a late or repeated success; payments refunds a cancelled order itself)',
    async (status) => {
      const id = await givenOrder(status);
      const before = await h.tableCounts();
      const event = succeeded(id);
      await deliver(consumer(), event);
      expect(await orderRow(h, id)).toMatchObject({ status, cancellation_reason: null });
      expect(await h.tableCounts()).toEqual(before);
      expect(await inboxHas(h, event.id, FOLLOW_PAYMENTS_GROUP)).toBe(true);
    },
  );

  it('applies a success delivered twice, even concurrently, once', async () => {
    const id = await givenOrder(OrderStatus.AWAITING_PAYMENT);
    const event = succeeded(id);
    await Promise.all([deliver(consumer(), event), deliver(consumer(), event), deliver(consumer(), event)]);
    await deliver(consumer(), event);
    expect((await historyOf(h, id)).map((step) => step.to_status)).toEqual(['PENDING', 'AWAITING_PAYMENT', 'PAID']);
    expect((await h.outbox(id)).map((row) => row.type)).toEqual(['orders.order-status-changed.v1', 'orders.order-paid.v1']);
  });

  it('applies one of two different successes for one order (two event ids): PAID once, one order-paid', async () => {
    const id = await givenOrder(OrderStatus.AWAITING_PAYMENT);
    await Promise.all([deliver(consumer(), succeeded(id)), deliver(consumer(), succeeded(id))]);
    expect((await historyOf(h, id)).map((step) => step.to_status)).toEqual(['PENDING', 'AWAITING_PAYMENT', 'PAID']);
    expect((await h.outbox(id)).map((row) => row.type)).toEqual(['orders.order-status-changed.v1', 'orders.order-paid.v1']);
  });
});

describe('orders.follow-payments: payment-failed', () => {
  it('cancels an AWAITING_PAYMENT order with PAYMENT_FAILED', async () => {
    const id = await givenOrder(OrderStatus.AWAITING_PAYMENT);
    await deliver(consumer(), failed(id));

    expect(await orderRow(h, id)).toMatchObject({ status: 'CANCELLED', cancellation_reason: 'PAYMENT_FAILED' });
    expect((await historyOf(h, id)).at(-1)).toEqual({
      from_status: 'AWAITING_PAYMENT',
      to_status: 'CANCELLED',
      reason: 'payment failed: card_declined',
      actor: 'system:payments',
    });
    expect((await h.outbox(id)).map((row) => [row.type, row.payload])).toEqual([
      ['orders.order-status-changed.v1', { orderId: id, customerId: CUSTOMER_A, status: 'CANCELLED', previousStatus: 'AWAITING_PAYMENT' }],
      ['orders.order-cancelled.v1', { orderId: id, reason: 'PAYMENT_FAILED' }],
    ]);
  });

  it.each([OrderStatus.PAID, OrderStatus.CANCELLED])('changes nothing for an order already %s (a failure after the outcome)', async (status) => {
    const id = await givenOrder(status);
    const before = await h.tableCounts();
    await deliver(consumer(), failed(id));
    expect(await orderRow(h, id)).toMatchObject({ status });
    expect(await h.tableCounts()).toEqual(before);
  });
});

describe('orders.follow-payments: payment-refunded', () => {
  it.each([OrderStatus.PAID, OrderStatus.FULFILLED])('moves a %s order to REFUNDED', async (status) => {
    const id = await givenOrder(status);
    await deliver(consumer(), refunded(id));

    expect(await orderRow(h, id)).toMatchObject({ status: 'REFUNDED', cancellation_reason: null });
    expect((await historyOf(h, id)).at(-1)).toEqual({ from_status: status, to_status: 'REFUNDED', reason: 'payment refunded', actor: 'system:payments' });
    expect((await h.outbox(id)).map((row) => [row.type, row.payload])).toEqual([
      ['orders.order-status-changed.v1', { orderId: id, customerId: CUSTOMER_A, status: 'REFUNDED', previousStatus: status }],
    ]);
  });

  it('cancels an AWAITING_PAYMENT order (PAYMENT_REFUNDED) whose refund overtook its success, which then changes nothing', async () => {
    const id = await givenOrder(OrderStatus.AWAITING_PAYMENT);
    await deliver(consumer(), refunded(id));
    expect(await orderRow(h, id)).toMatchObject({ status: 'CANCELLED', cancellation_reason: 'PAYMENT_REFUNDED' });
    expect((await h.outbox(id)).map((row) => row.type)).toEqual(['orders.order-status-changed.v1', 'orders.order-cancelled.v1']);

    const before = await h.tableCounts();
    await deliver(consumer(), succeeded(id));
    expect(await orderRow(h, id)).toMatchObject({ status: 'CANCELLED', cancellation_reason: 'PAYMENT_REFUNDED' });
    expect(await h.tableCounts()).toEqual(before);
  });

  it('leaves a CANCELLED order CANCELLED: the refund of a late payment is the compensation, not a new status', async () => {
    const id = await givenOrder(OrderStatus.CANCELLED);
    const before = await h.tableCounts();
    await deliver(consumer(), refunded(id));
    expect(await orderRow(h, id)).toMatchObject({ status: 'CANCELLED' });
    expect(await h.tableCounts()).toEqual(before);
  });
});
