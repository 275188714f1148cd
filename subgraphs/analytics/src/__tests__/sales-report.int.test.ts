import { randomUUID } from 'node:crypto';
import { createInMemoryEventBus, type AnyEventEnvelope } from '@techally/events';
import { event, orderEvents as lifeOf, REPORT, startAnalytics, type AnalyticsUnderTest } from './support/analytics-test-subgraph';

const [KEYBOARD, MOUSE] = ['3f0c9a52-1d7e-4c1a-9a39-5b2a8e0c0003', '3f0c9a52-1d7e-4c1a-9a39-5b2a8e0c0004'];

let analytics: AnalyticsUnderTest;
let subgraph: AnalyticsUnderTest['subgraph'];
const bus = createInMemoryEventBus();

beforeAll(async () => {
  analytics = await startAnalytics(bus);
  subgraph = analytics.subgraph;
});

afterAll(async () => {
  await analytics?.stop();
  await bus.close();
});

const deliver = (envelope: AnyEventEnvelope) => analytics.deliver(envelope);

/** The life of one order as events: placed, paid and fulfilled, or placed and cancelled. */
function orderEvents(day: string, items: Array<{ productId: string; quantity: number }>, amount: number, outcome: 'paid' | { cancelled: string }): AnyEventEnvelope[] {
  return lifeOf(day, items, amount, outcome);
}

async function report(variables: Record<string, unknown>, token = analytics.adminToken) {
  return analytics.graphql<{ salesReport: { rows: Array<Record<string, unknown>> } }>(REPORT, variables, token);
}

async function rows(variables: Record<string, unknown>) {
  return analytics.rows(variables);
}

// Each spec uses days of its own, so their orders never meet in a report.
describe('the sales read model', () => {
  it('gives the same figures for events in order, shuffled, duplicated and redelivered through the bus', async () => {
    const history = [
      ...orderEvents('2026-03-02', [{ productId: KEYBOARD, quantity: 1 }, { productId: MOUSE, quantity: 2 }], 9000, 'paid'),
      ...orderEvents('2026-03-02', [{ productId: MOUSE, quantity: 1 }], 2500, { cancelled: 'OUT_OF_STOCK' }),
    ];
    for (const envelope of history) await deliver(envelope);
    const inOrder = await rows({ from: '2026-03-01', to: '2026-03-03', groupBy: 'PRODUCT' });

    // The same facts again, newest first, twice over, and once more through the bus: nothing changes.
    const shuffled = [...history].reverse();
    for (const envelope of [...shuffled, ...shuffled]) await deliver(envelope);
    for (const envelope of shuffled) await bus.publish(envelope);
    await waitForInbox(history.length);
    expect(await rows({ from: '2026-03-01', to: '2026-03-03', groupBy: 'PRODUCT' })).toEqual(inOrder);

    // And an order whose events all arrive backwards (cancelled, paid, then placed) converges too.
    const orderId = randomUUID();
    const customerId = randomUUID();
    const items = [{ productId: KEYBOARD, quantity: 3 }];
    const backwards = [
      event('orders.order-paid.v1', orderId, { orderId, customerId, items, total: { amount: 3000, currency: 'USD' } }, '2026-03-10T09:01:00.000Z'),
      event('orders.order-placed.v1', orderId, { orderId, customerId, items, total: { amount: 3000, currency: 'USD' } }, '2026-03-10T09:00:00.000Z'),
    ];
    for (const envelope of backwards) await deliver(envelope);
    const [row] = await rows({ from: '2026-03-10', to: '2026-03-10' });
    expect(row).toMatchObject({ ordersPlaced: 1, ordersPaid: 1, units: 3, revenue: { amount: 3000, currency: 'USD' }, placedToPaidConversion: 1 });

    expect(inOrder).toEqual([
      expect.objectContaining({
        periodStart: '2026-03-02', product: { id: KEYBOARD }, ordersPlaced: 1, ordersPaid: 1, ordersFulfilled: 1, ordersCancelled: 0,
        units: 1, revenue: { amount: 3000, currency: 'USD' }, averageOrderValue: { amount: 3000 }, placedToPaidConversion: 1,
      }),
      expect.objectContaining({
        periodStart: '2026-03-02', product: { id: MOUSE }, ordersPlaced: 2, ordersPaid: 1, ordersCancelled: 1,
        cancellationsByReason: [{ reason: 'OUT_OF_STOCK', orders: 1 }], units: 2, revenue: { amount: 6000, currency: 'USD' }, placedToPaidConversion: 0.5,
      }),
    ]);
  });

  it('reports orders, revenue, units, average order value and conversion per day, week and month', async () => {
    const history = [
      // Monday 2026-04-06: two paid (40.00 and 20.00), one cancelled by the customer.
      ...orderEvents('2026-04-06', [{ productId: KEYBOARD, quantity: 2 }], 4000, 'paid'),
      ...orderEvents('2026-04-06', [{ productId: MOUSE, quantity: 1 }], 2000, 'paid'),
      ...orderEvents('2026-04-06', [{ productId: MOUSE, quantity: 1 }], 2000, { cancelled: 'CUSTOMER_REQUESTED' }),
      // Sunday 2026-04-12 (same ISO week): one paid (10.01), one whose payment failed, one out of stock.
      ...orderEvents('2026-04-12', [{ productId: MOUSE, quantity: 1 }], 1001, 'paid'),
      ...orderEvents('2026-04-12', [{ productId: KEYBOARD, quantity: 1 }], 2000, { cancelled: 'PAYMENT_FAILED' }),
      ...orderEvents('2026-04-12', [{ productId: KEYBOARD, quantity: 1 }], 2000, { cancelled: 'OUT_OF_STOCK' }),
    ];
    for (const envelope of history) await deliver(envelope);

    const days = await rows({ from: '2026-04-06', to: '2026-04-12', granularity: 'DAY' });
    expect(days.map((day) => [day['periodStart'], day['ordersPlaced'], day['ordersPaid'], day['placedToPaidConversion']])).toEqual([
      ['2026-04-06', 3, 2, 2 / 3],
      ['2026-04-12', 3, 1, 1 / 3],
    ]);
    expect(days[0]).toMatchObject({ revenue: { amount: 6000 }, averageOrderValue: { amount: 3000 }, units: 3 });

    const [week] = await rows({ from: '2026-04-06', to: '2026-04-12', granularity: 'WEEK' });
    expect(week).toEqual({
      periodStart: '2026-04-06', product: null, category: null, warehouse: null, currency: 'USD', ordersPlaced: 6, ordersPaid: 3, ordersFulfilled: 3, ordersCancelled: 3,
      cancellationsByReason: [
        { reason: 'CUSTOMER_REQUESTED', orders: 1 },
        { reason: 'OUT_OF_STOCK', orders: 1 },
        { reason: 'PAYMENT_FAILED', orders: 1 },
      ],
      units: 4, revenue: { amount: 7001, currency: 'USD' }, averageOrderValue: { amount: 2334 }, placedToPaidConversion: 0.5, refunds: 0, refunded: { amount: 0 },
    });

    // A month that begins before `from` starts at `from`.
    const months = await rows({ from: '2026-04-10', to: '2026-05-31', granularity: 'MONTH' });
    expect(months).toEqual([expect.objectContaining({ periodStart: '2026-04-10', ordersPlaced: 3, ordersPaid: 1, revenue: { amount: 1001, currency: 'USD' } })]);
  });

  it('is for administrators only', async () => {
    const variables = { from: '2026-04-06', to: '2026-04-12' };
    expect((await report(variables, analytics.customerToken)).errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    expect((await report(variables, '')).errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
  });

  it.each([
    [{ from: '2026-04-12', to: '2026-04-06' }, '"from" (2026-04-12) must not be after "to" (2026-04-06).'],
    [{ from: '2025-01-01', to: '2026-02-05' }, 'A report covers at most 400 days; 2025-01-01 to 2026-02-05 is 401.'],
    [{ from: '2026-02-30', to: '2026-03-01' }, '"from" must be a date as YYYY-MM-DD, got "2026-02-30".'],
    [{ from: '2026-01-01', to: 'yesterday' }, '"to" must be a date as YYYY-MM-DD, got "yesterday".'],
  ])('refuses a bad range %j with BAD_USER_INPUT', async (variables, message) => {
    const response = await report(variables);
    expect(response.data).toBeNull();
    expect(response.errors).toEqual([expect.objectContaining({ message, extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) })]);
    expect(JSON.stringify(response.errors)).not.toMatch(/stacktrace|at \w+ \(/i);
  });
});

/** Waits until the bus's deliveries reached the inbox (every event of the first spec is already in it once). */
async function waitForInbox(events: number): Promise<void> {
  const count = async () =>
    (await subgraph.orm.em.fork().getConnection().execute<Array<{ n: number }>>('select count(*)::int as n from analytics.inbox'))[0]!.n;
  const deadline = Date.now() + 15_000;
  // Redeliveries add no inbox row: wait until the bus is idle by publishing a marker event and waiting for it.
  const markerOrder = randomUUID();
  await bus.publish(event('orders.order-cancelled.v1', markerOrder, { orderId: markerOrder, reason: 'MARKER' }, '2020-01-01T00:00:00.000Z'));
  while ((await count()) < events + 1) {
    if (Date.now() > deadline) throw new Error('timed out waiting for the bus deliveries');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
