import { randomUUID } from 'node:crypto';
import { createRedisEventBus, type AnyEventEnvelope, type EventBus } from '@techally/events';
import { createLogger } from '@techally/platform';
import { deleteKeys, testRedisUrl, uniqueKeyPrefix } from '@techally/testing';
import { ReadModelRebuild } from '../rebuild/read-model-rebuild';
import { orderEvents, productEvent, startAnalytics, stockEvent, type AnalyticsUnderTest } from './support/analytics-test-subgraph';

const redisUrl = testRedisUrl();
const keyPrefix = uniqueKeyPrefix('analytics-rebuild');
if (!redisUrl) process.stderr.write('SKIPPED: analytics rebuild by replay — REDIS_URL is not set (it replays Redis Streams)\n');
const describeOnRedis = redisUrl ? describe : describe.skip;

const [KEYBOARD, MOUSE] = [randomUUID(), randomUUID()];
const [PERIPHERALS, ACCESSORIES] = [randomUUID(), randomUUID()];
const [LONDON, LEEDS] = [randomUUID(), randomUUID()];

let analytics: AnalyticsUnderTest;
let bus: EventBus;
let published = 0;

beforeAll(async () => {
  if (!redisUrl) return;
  bus = createRedisEventBus({ url: redisUrl, keyPrefix, consumer: { blockMs: 100, claimIntervalMs: 200 } });
  analytics = await startAnalytics(bus, { REDIS_URL: redisUrl, EVENTS_KEY_PREFIX: keyPrefix });
});

afterAll(async () => {
  await analytics?.stop();
  await bus?.close();
  if (redisUrl) await deleteKeys(redisUrl, keyPrefix);
});

/** Publishes the events on the bus and waits until the live consumer applied them all (its inbox). */
async function publish(events: readonly AnyEventEnvelope[]): Promise<void> {
  for (const envelope of events) await bus.publish(envelope);
  published += events.length;
  await waitForInbox(published);
}

async function waitForInbox(events: number): Promise<void> {
  const connection = analytics.subgraph.orm.em.getConnection();
  const deadline = Date.now() + 20_000;
  while ((await connection.execute<Array<{ n: number }>>('select count(*)::int as n from analytics.inbox'))[0]!.n < events) {
    if (Date.now() > deadline) throw new Error(`the consumer did not apply ${events} events in time`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

async function figures() {
  const range = { from: '2026-01-01', to: '2026-12-31', granularity: 'MONTH' };
  const reports: Record<string, unknown> = {};
  for (const groupBy of ['NONE', 'PRODUCT', 'CATEGORY', 'WAREHOUSE']) reports[groupBy] = await analytics.rows({ ...range, groupBy });
  reports['days'] = await analytics.rows({ ...range, granularity: 'DAY', groupBy: 'CATEGORY' });
  const low = await analytics.graphql<{ lowStock: unknown[] }>(`{ lowStock(threshold: 100) { product { id } available warehouses { warehouse { id } available asOf } } }`);
  reports['lowStock'] = low.data!.lowStock;
  return reports;
}

describeOnRedis('rebuilding the read model by replaying the streams (real PostgreSQL and Redis)', () => {
  it('gives the figures built live, serves the old tables until the swap, refuses a second rebuild meanwhile, and loses no event arriving meanwhile', async () => {
    const allocations = (productId: string, quantity: number) => ({ allocations: [{ productId, warehouseId: quantity > 1 ? LEEDS : LONDON, quantity }] });
    await publish([
      productEvent(KEYBOARD, PERIPHERALS, '2026-01-01T00:00:00.000Z', true),
      productEvent(MOUSE, PERIPHERALS, '2026-01-01T00:00:00.000Z', true),
      ...orderEvents('2026-02-03', [{ productId: KEYBOARD, quantity: 1, unitPrice: 7000, name: 'Keyboard' }], 7000, 'paid', allocations(KEYBOARD, 1)),
      ...orderEvents('2026-02-03', [{ productId: MOUSE, quantity: 2 }], 2000, { cancelled: 'PAYMENT_FAILED' }, allocations(MOUSE, 2)),
      productEvent(MOUSE, ACCESSORIES, '2026-03-01T00:00:00.000Z'),
      ...orderEvents('2026-03-09', [{ productId: MOUSE, quantity: 3 }, { productId: KEYBOARD, quantity: 1 }], 10000, 'paid', { refund: 2500, ...allocations(MOUSE, 3) }),
      stockEvent(KEYBOARD, LONDON, 'LON-1', 4, '2026-03-09T12:00:00.000Z'),
      stockEvent(MOUSE, LEEDS, 'LDS-1', 7, '2026-03-09T12:00:00.000Z'),
      stockEvent(MOUSE, LEEDS, 'LDS-1', 70, '2026-03-01T12:00:00.000Z'),
    ]);
    const live = await figures();

    // Damage the live tables: the rebuild must not start from them.
    const connection = analytics.subgraph.orm.em.getConnection();
    await connection.execute('delete from analytics.sales_daily where "dimension" <> \'NONE\'');
    await connection.execute('delete from analytics.stock_level');
    const damaged = await figures();
    expect(damaged).not.toEqual(live);

    const late = orderEvents('2026-09-15', [{ productId: KEYBOARD, quantity: 1 }], 7000, 'paid');
    const rebuild = new ReadModelRebuild({
      orm: analytics.subgraph.orm,
      bus,
      logger: createLogger({ name: 'analytics', level: 'silent' }),
      pageSize: 4,
      beforeSwap: async () => {
        // The shadow is built: queries still answer from the old tables…
        expect(await figures()).toEqual(damaged);
        // …a second rebuild meanwhile is refused (any process: the lease)…
        const second = await analytics.graphql(`mutation { rebuildAnalytics { events } }`);
        expect(second.errors?.[0]).toMatchObject({ message: expect.stringMatching(/already running/), extensions: expect.objectContaining({ code: 'CONFLICT' }) });
        // …and an order that arrives now reaches the live tables, then the new ones (the catch-up under the lock).
        await publish(late);
      },
    });
    const result = await rebuild.run();
    expect(result).toMatchObject({ events: published, caughtUp: late.length });

    const rebuilt = await figures();
    const september = await analytics.rows({ from: '2026-09-01', to: '2026-09-30', granularity: 'MONTH' });
    expect(september).toEqual([expect.objectContaining({ ordersPlaced: 1, ordersPaid: 1, revenue: { amount: 7000, currency: 'USD' } })]);
    // Without September, what was built live.
    const withoutSeptember = (reports: Record<string, unknown>) =>
      Object.fromEntries(Object.entries(reports).map(([name, rows]) => [name, (rows as Array<Record<string, unknown>>).filter((row) => !String(row['periodStart'] ?? '').startsWith('2026-09'))]));
    expect(withoutSeptember(rebuilt)).toEqual(withoutSeptember(live));

    // The consumer writes to the new tables after the swap; and the admin mutation rebuilds to the same figures.
    await publish([stockEvent(KEYBOARD, LONDON, 'LON-1', 3, '2026-09-15T12:00:00.000Z')]);
    const afterSwap = await figures();
    expect(afterSwap['lowStock']).toEqual(expect.arrayContaining([expect.objectContaining({ product: { id: KEYBOARD }, available: 3 })]));
    const mutation = await analytics.graphql<{ rebuildAnalytics: { events: number; caughtUp: number } }>(`mutation { rebuildAnalytics { events skipped caughtUp durationMs } }`);
    expect(mutation.errors).toBeUndefined();
    expect(mutation.data!.rebuildAnalytics).toMatchObject({ events: published, caughtUp: 0 });
    expect(await figures()).toEqual(afterSwap);
  });
});
