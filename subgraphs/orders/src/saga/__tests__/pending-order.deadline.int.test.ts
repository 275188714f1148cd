import { randomUUID } from 'node:crypto';
import { appendToOutbox, createEvent, createInMemoryEventBus, type EventBus } from '@techally/events';
import { CUSTOMER_A } from '../../__tests__/fixtures';
import { givenOrders, GIVEN_ORDER_TOTAL } from '../../__tests__/order-factory';
import { startOrdersHarness, type OrdersHarness } from '../../__tests__/orders-harness';
import { OrderStatus } from '../../order/order-status';
import { followStockConsumer } from '../follow-stock.consumer';
import { PendingOrderDeadline } from '../pending-order.deadline';
import { deliver, historyOf, orderRow, sagaDependencies, waitFor } from './saga-spec-support';

// Issue #9: a PENDING order waits for inventory's answer to its order-placed, and nothing else moves it. When an
// event on that path was lost, the deadline publishes order-placed again, and after the timeout cancels the order.
let h: OrdersHarness;
let bus: EventBus;
/** Every order-placed that reached the bus (what inventory would read), by event id. */
const placedOnBus: string[] = [];

const REDRIVE_MS = 30_000;
const TIMEOUT_MS = 300_000;

beforeAll(async () => {
  bus = createInMemoryEventBus();
  h = await startOrdersHarness({ bus });
  await bus.subscribe({ group: 'spec.inventory', consumer: 'spec', types: ['orders.order-placed.v1'], handler: async (event) => void placedOnBus.push(event.id) });
});
afterAll(async () => {
  await h?.stop();
  await bus?.close();
});
// Each spec's orders are the only PENDING ones: earlier specs' leftovers are taken out of the walk.
beforeEach(() => h.sql(`update orders."order" set status = 'CANCELLED', cancellation_reason = 'ADMIN_REQUESTED' where status = 'PENDING'`));

function deadline(now: Date) {
  return new PendingOrderDeadline({ ...sagaDependencies(h, () => now), redriveIntervalMs: REDRIVE_MS, timeoutMs: TIMEOUT_MS });
}

/** A PENDING order placed `ageMs` ago whose order-placed the relay published; resolves its id and the event's. */
async function givenPendingOrder(ageMs: number, now: Date): Promise<{ orderId: string; eventId: string }> {
  const [orderId] = await givenOrders(h.subgraph.orm, [{ customerId: CUSTOMER_A, placedAt: new Date(now.getTime() - ageMs) }]);
  const placed = createEvent('orders.order-placed.v1', orderId!, {
    orderId: orderId!,
    customerId: CUSTOMER_A,
    items: [{ productId: randomUUID(), quantity: 1 }],
    total: { amount: GIVEN_ORDER_TOTAL, currency: 'USD' },
  });
  await h.subgraph.orm.em.fork().transactional(async (em) => appendToOutbox(em, placed));
  await waitFor('the relay to publish order-placed', async () => placedOnBus.includes(placed.id));
  await h.sql(`update orders.outbox set published_at = ? where id = ?`, [new Date(now.getTime() - ageMs), placed.id]);
  return { orderId: orderId!, eventId: placed.id };
}

const timesOnBus = (eventId: string) => placedOnBus.filter((id) => id === eventId).length;

describe('the pending-order deadline', () => {
  it('publishes order-placed again, same event id, for an order PENDING longer than the re-drive interval', async () => {
    const now = new Date();
    const stuck = await givenPendingOrder(REDRIVE_MS + 1_000, now);
    const young = await givenPendingOrder(REDRIVE_MS - 1_000, now);
    const [awaiting] = await givenOrders(h.subgraph.orm, [{ customerId: CUSTOMER_A, status: OrderStatus.AWAITING_PAYMENT, placedAt: new Date(now.getTime() - TIMEOUT_MS) }]);

    expect(await deadline(now).sweep()).toEqual({ redriven: 1, cancelled: 0, skipped: 0, failed: 0 });
    await waitFor('order-placed on the bus again', async () => timesOnBus(stuck.eventId) === 2);
    expect(timesOnBus(young.eventId)).toBe(1);
    expect(await orderRow(h, stuck.orderId)).toMatchObject({ status: 'PENDING' });
    expect(await orderRow(h, awaiting!)).toMatchObject({ status: 'AWAITING_PAYMENT' });

    // Just published again: the next re-drive waits another interval.
    expect(await deadline(now).sweep()).toEqual({ redriven: 0, cancelled: 0, skipped: 1, failed: 0 });
  });

  it('cancels an order still PENDING after the timeout with STOCK_NOT_CONFIRMED, so inventory releases what it holds', async () => {
    const now = new Date();
    const { orderId } = await givenPendingOrder(TIMEOUT_MS + 1_000, now);

    expect(await deadline(now).sweep()).toEqual({ redriven: 0, cancelled: 1, skipped: 0, failed: 0 });
    expect(await orderRow(h, orderId)).toMatchObject({ status: 'CANCELLED', cancellation_reason: 'STOCK_NOT_CONFIRMED' });
    expect((await historyOf(h, orderId)).at(-1)).toEqual({
      from_status: 'PENDING',
      to_status: 'CANCELLED',
      reason: 'inventory did not answer in time',
      actor: 'system:deadline',
    });
    expect((await h.outbox(orderId)).slice(-2).map((row) => [row.type, row.payload])).toEqual([
      ['orders.order-status-changed.v1', { orderId, customerId: CUSTOMER_A, status: 'CANCELLED', previousStatus: 'PENDING' }],
      ['orders.order-cancelled.v1', { orderId, reason: 'STOCK_NOT_CONFIRMED' }],
    ]);

    // Inventory's answer, arriving after all, changes nothing.
    const late = createEvent('inventory.stock-reserved.v1', orderId, { orderId, reservationExpiresAt: new Date(now.getTime() + 900_000).toISOString() });
    await deliver(followStockConsumer(sagaDependencies(h, () => now)), late);
    expect(await orderRow(h, orderId)).toMatchObject({ status: 'CANCELLED', cancellation_reason: 'STOCK_NOT_CONFIRMED' });
    expect(await deadline(now).sweep()).toEqual({ redriven: 0, cancelled: 0, skipped: 0, failed: 0 });
  });
});
