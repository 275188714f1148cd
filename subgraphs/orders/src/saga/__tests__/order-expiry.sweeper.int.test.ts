import { createEvent } from '@techally/events';
import { hasRealPostgres } from '@techally/testing';
import { CUSTOMER_A, CUSTOMER_B } from '../../__tests__/fixtures';
import { givenOrders, GIVEN_ORDER_TOTAL, type GivenOrder } from '../../__tests__/order-factory';
import { startOrdersHarness, type OrdersHarness } from '../../__tests__/orders-harness';
import { OrderStatus } from '../../order/order-status';
import { followPaymentsConsumer } from '../follow-payments.consumer';
import { OrderExpirySweeper } from '../order-expiry.sweeper';
import { deliver, historyOf, orderRow, sagaDependencies } from './saga-spec-support';

let h: OrdersHarness;

beforeAll(async () => {
  h = await startOrdersHarness();
});
afterAll(() => h?.stop());

// Each spec's orders are the only unpaid ones with a deadline: earlier specs' leftovers are taken out of the sweep.
beforeEach(() => h.sql(`update orders."order" set payment_due_at = null where status = 'AWAITING_PAYMENT'`));

const NOW = new Date('2026-11-26T12:00:00.000Z');
const at = (offsetMs: number) => new Date(NOW.getTime() + offsetMs);

function sweeper(clock: () => Date = () => NOW, batchSize?: number) {
  return new OrderExpirySweeper({ ...sagaDependencies(h, clock), ...(batchSize !== undefined ? { batchSize } : {}) });
}

async function given(...orders: GivenOrder[]): Promise<string[]> {
  return givenOrders(h.subgraph.orm, orders.map((order) => ({ placedAt: at(-3_600_000), ...order })));
}

const awaiting = (paymentDueAt: Date, customerId = CUSTOMER_A): GivenOrder => ({ customerId, status: OrderStatus.AWAITING_PAYMENT, paymentDueAt });

describe('the expiry sweeper', () => {
  it('cancels only AWAITING_PAYMENT orders whose payment deadline has passed, with RESERVATION_EXPIRED', async () => {
    const [overdue, due, dueNow, paid, pending, cancelled] = await given(
      awaiting(at(-1)),
      awaiting(at(60_000)),
      awaiting(NOW),
      { customerId: CUSTOMER_A, status: OrderStatus.PAID, paymentDueAt: at(-60_000) },
      { customerId: CUSTOMER_A, status: OrderStatus.PENDING },
      { customerId: CUSTOMER_A, status: OrderStatus.CANCELLED, paymentDueAt: at(-60_000) },
    );
    const before = await h.tableCounts();

    expect(await sweeper().sweep()).toEqual({ cancelled: 1, skipped: 0, failed: 0 });

    expect(await orderRow(h, overdue!)).toMatchObject({ status: 'CANCELLED', cancellation_reason: 'RESERVATION_EXPIRED' });
    expect((await historyOf(h, overdue!)).at(-1)).toEqual({
      from_status: 'AWAITING_PAYMENT',
      to_status: 'CANCELLED',
      reason: 'not paid before the stock reservation expired',
      actor: 'system:expiry',
    });
    expect((await h.outbox(overdue!)).map((row) => [row.type, row.payload])).toEqual([
      ['orders.order-status-changed.v1', { orderId: overdue, customerId: CUSTOMER_A, status: 'CANCELLED', previousStatus: 'AWAITING_PAYMENT' }],
      ['orders.order-cancelled.v1', { orderId: overdue, reason: 'RESERVATION_EXPIRED' }],
    ]);
    for (const [id, status] of [
      [due, 'AWAITING_PAYMENT'],
      [dueNow, 'AWAITING_PAYMENT'],
      [paid, 'PAID'],
      [pending, 'PENDING'],
      [cancelled, 'CANCELLED'],
    ] as const) {
      expect(await orderRow(h, id!)).toMatchObject({ status, cancellation_reason: null });
    }
    expect(await h.tableCounts()).toEqual({ ...before, changes: before.changes + 1, events: before.events + 2 });
  });

  it('judges deadlines by its clock: an order is kept before its deadline and cancelled once the clock passed it', async () => {
    const [id] = await given(awaiting(at(30_000)));
    let now = NOW;
    const sweep = sweeper(() => now);
    expect(await sweep.sweep()).toEqual({ cancelled: 0, skipped: 0, failed: 0 });
    expect(await orderRow(h, id!)).toMatchObject({ status: 'AWAITING_PAYMENT' });
    now = at(30_001);
    expect(await sweep.sweep()).toEqual({ cancelled: 1, skipped: 0, failed: 0 });
    expect(await orderRow(h, id!)).toMatchObject({ status: 'CANCELLED', cancellation_reason: 'RESERVATION_EXPIRED' });
  });

  it('walks every overdue order in batches, each cancelled once', async () => {
    const ids = await given(...Array.from({ length: 7 }, (_, index) => awaiting(at(-1_000 * (index + 1)), index % 2 ? CUSTOMER_A : CUSTOMER_B)));
    expect(await sweeper(() => NOW, 2).sweep()).toEqual({ cancelled: 7, skipped: 0, failed: 0 });
    for (const id of ids) {
      expect((await historyOf(h, id)).map((step) => step.to_status)).toEqual(['PENDING', 'AWAITING_PAYMENT', 'CANCELLED']);
    }
    // A second sweep finds nothing left to do.
    expect(await sweeper(() => NOW, 2).sweep()).toEqual({ cancelled: 0, skipped: 0, failed: 0 });
  });

  it('goes on past an order it cannot cancel, and cancels that one on a later sweep', async () => {
    const [first, broken, last] = await given(awaiting(at(-3_000)), awaiting(at(-2_000)), awaiting(at(-1_000)));
    await h.sql(`alter table orders.outbox add constraint spec_refuses_one_order check (aggregate_id <> '${broken}') not valid`);
    try {
      expect(await sweeper(() => NOW, 1).sweep()).toEqual({ cancelled: 2, skipped: 0, failed: 1 });
    } finally {
      await h.sql(`alter table orders.outbox drop constraint spec_refuses_one_order`);
    }
    expect(await orderRow(h, first!)).toMatchObject({ status: 'CANCELLED' });
    expect(await orderRow(h, last!)).toMatchObject({ status: 'CANCELLED' });
    // Nothing of the failed cancellation was kept: no status, no history step, no event.
    expect(await orderRow(h, broken!)).toMatchObject({ status: 'AWAITING_PAYMENT', cancellation_reason: null });
    expect(await historyOf(h, broken!)).toHaveLength(2);
    expect(await h.outbox(broken!)).toEqual([]);

    expect(await sweeper().sweep()).toEqual({ cancelled: 1, skipped: 0, failed: 0 });
    expect(await orderRow(h, broken!)).toMatchObject({ status: 'CANCELLED', cancellation_reason: 'RESERVATION_EXPIRED' });
  });
});

// Many connections racing on one row: only a real server has those semantics (the embedded PGlite has one session).
const onRealPostgres = hasRealPostgres() ? describe : describe.skip;
if (!hasRealPostgres()) process.stderr.write('SKIPPED: orders expiry sweeper races — they need a real PostgreSQL (DATABASE_URL)\n');

onRealPostgres('a payment racing the expiry sweeper on the same order', () => {
  it('ends the order in exactly one of PAID or CANCELLED, with one status change and its events', async () => {
    const payments = followPaymentsConsumer(sagaDependencies(h, () => NOW));
    // One order per round, so the sweeper's transaction and the payment's really meet on the row.
    for (let round = 0; round < 12; round += 1) {
      const [id] = await given(awaiting(at(-1)));
      const succeeded = createEvent('payments.payment-succeeded.v1', id!, {
        orderId: id!,
        paymentId: '9a000000-0000-4000-8000-000000000002',
        amount: { amount: GIVEN_ORDER_TOTAL, currency: 'USD' },
      });
      const [sweep] = await Promise.all([sweeper().sweep(), deliver(payments, succeeded)]);

      const row = await orderRow(h, id!);
      const steps = (await historyOf(h, id!)).map((step) => step.to_status);
      const events = (await h.outbox(id!)).map((event) => event.type);
      if (row.status === 'PAID') {
        expect(steps).toEqual(['PENDING', 'AWAITING_PAYMENT', 'PAID']);
        expect(events).toEqual(['orders.order-status-changed.v1', 'orders.order-paid.v1']);
        expect(row.cancellation_reason).toBeNull();
        expect(sweep.cancelled).toBe(0);
      } else {
        expect(row).toMatchObject({ status: 'CANCELLED', cancellation_reason: 'RESERVATION_EXPIRED' });
        expect(steps).toEqual(['PENDING', 'AWAITING_PAYMENT', 'CANCELLED']);
        expect(events).toEqual(['orders.order-status-changed.v1', 'orders.order-cancelled.v1']);
        expect(sweep).toEqual({ cancelled: 1, skipped: 0, failed: 0 });
      }
    }
  });
});
