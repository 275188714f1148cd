import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import {
  appendToOutbox,
  createInMemoryEventBus,
  createOutboxRelay,
  createRedisEventBus,
  handleOnce,
  type EventBus,
  type OutboxRelay,
  type Subscription,
} from '../index';
import { CONTRACT_TUNING } from '../bus/__tests__/event-bus.contract';
import { startEventsDatabase, type EventsDatabase, type Widget } from './support/events-database';
import { orderPlaced } from './support/sample-events';
import { deleteKeys, startTcpProxy, testRedisUrl, uniqueKeyPrefix, type TcpProxy } from '@techally/testing';
import { announceSkipped, waitFor } from './support/wait-for';

/**
 * The whole path a saga step takes: a change and its event commit together, the relay publishes, a consumer in
 * a group applies the effect through the inbox. On the in-memory bus always; on Redis Streams when REDIS_URL is
 * set (otherwise those cases are skipped and say so).
 */
const redisUrl = testRedisUrl();
const filePrefix = uniqueKeyPrefix('outbox-to-consumer');
if (!redisUrl) announceSkipped('outbox → consumer on Redis Streams, and the Redis outage', 'REDIS_URL is not set');
let db: EventsDatabase;
const cleanups: Array<() => Promise<void>> = [];

beforeAll(async () => {
  db = await startEventsDatabase();
});
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  // Each test's bus is new (its own key prefix), and a relay publishes again to a new bus what the outbox still
  // retains (issue #9): an earlier test's events are not this one's.
  await db.sql(`delete from orders.outbox`);
});
afterAll(async () => {
  await db?.stop();
  if (redisUrl) await deleteKeys(redisUrl, filePrefix);
});

/** Places "orders": a widget row and its order-placed event in one transaction. */
async function placeOrder(): Promise<string> {
  const event = orderPlaced();
  await db.orm.em.fork().transactional(async (em) => {
    em.persist(em.create<Widget>('Widget', { id: randomUUID(), name: `order ${event.payload.orderId}` }));
    appendToOutbox(em, event);
  });
  return event.id;
}

function startRelay(bus: EventBus): OutboxRelay {
  const relay = createOutboxRelay({ orm: db.orm, bus, pollIntervalMs: 20, maxBackoffMs: 200 });
  relay.start();
  cleanups.push(() => relay.stop());
  return relay;
}

/** The consumer's effect: one "reservation" row per order, written through the inbox. */
function reserveStock(orderId: string) {
  return async (tx: EntityManager) => {
    tx.persist(tx.create<Widget>('Widget', { id: randomUUID(), name: `reservation ${orderId}` }));
  };
}

async function reservationsPerEvent(eventIds: string[]): Promise<number[]> {
  const rows = await db.sql<{ n: number }>(
    `select (select count(*)::int from orders.widget w where w.name = 'reservation ' || (o.payload->>'orderId')) as n
     from orders.outbox o where o.id in (${eventIds.map(() => '?').join(', ')}) order by o.position`,
    eventIds,
  );
  return rows.map((row) => row.n);
}

/** Whether each delivery of an event applied the effect, in delivery order. */
type Outcomes = Map<string, boolean[]>;

async function subscribeReserver(bus: EventBus, consumer: string, options: { dieAfterCommitOnce?: boolean; outcomes?: Outcomes } = {}): Promise<Subscription> {
  const subscription = await bus.subscribe({
    group: 'inventory.reserve-stock',
    consumer,
    types: ['orders.order-placed.v1'],
    handler: async (event) => {
      const outcome = await handleOnce(db.orm.em.fork(), event, 'inventory.reserve-stock', reserveStock(event.payload.orderId));
      const seen = options.outcomes?.get(event.id) ?? [];
      options.outcomes?.set(event.id, [...seen, outcome.applied]);
      // The effect is committed; dying now, before the acknowledgement, means the bus delivers it again.
      if (options.dieAfterCommitOnce && seen.length === 0) throw new Error('killed after the commit, before the acknowledgement');
    },
  });
  cleanups.push(() => subscription.stop());
  return subscription;
}

const buses: Array<[string, (() => EventBus) | null]> = [
  ['the in-memory bus', () => createInMemoryEventBus({ consumer: CONTRACT_TUNING })],
  [
    redisUrl ? 'Redis Streams' : 'Redis Streams — SKIPPED, REDIS_URL is not set',
    redisUrl ? () => createRedisEventBus({ url: redisUrl, keyPrefix: `${filePrefix}:${randomUUID()}`, consumer: CONTRACT_TUNING }) : null,
  ],
];

describe.each(buses)('from the outbox to an idempotent consumer on %s', (_, makeBus) => {
  const run = makeBus ? it : it.skip;
  let bus: EventBus;

  beforeEach(() => {
    if (!makeBus) return;
    bus = makeBus();
    cleanups.push(() => bus.close());
  });

  run('delivers every committed event to the group, whose effect happens once', async () => {
    await subscribeReserver(bus, 'inventory-1');
    startRelay(bus);
    const events = [await placeOrder(), await placeOrder(), await placeOrder()];
    await waitFor('three reservations', async () => (await reservationsPerEvent(events)).every((n) => n === 1));
  });

  run('applies the effect once when a consumer dies after committing it but before acknowledging', async () => {
    const outcomes: Outcomes = new Map();
    await subscribeReserver(bus, 'inventory-1', { dieAfterCommitOnce: true, outcomes });
    startRelay(bus);
    const events = [await placeOrder(), await placeOrder()];
    await waitFor('each event delivered a second time', () => events.every((id) => (outcomes.get(id) ?? []).length >= 2));
    // The first delivery applied the effect and "died"; the redelivery found the inbox row and only acknowledged.
    expect(events.map((id) => outcomes.get(id))).toEqual([
      [true, false],
      [true, false],
    ]);
    expect(await reservationsPerEvent(events)).toEqual([1, 1]);
    expect(await bus.readDeadLetters()).toEqual([]);
  });
});

(redisUrl ? describe : describe.skip)(`when Redis goes away and comes back${redisUrl ? '' : ' — SKIPPED, REDIS_URL is not set'}`, () => {
  let proxy: TcpProxy;

  beforeEach(async () => {
    proxy = await startTcpProxy(redisUrl!);
    cleanups.push(() => proxy.close());
  });

  it('lets orders commit meanwhile and delivers every event once Redis is back', async () => {
    const prefix = `${filePrefix}:${randomUUID()}`;
    // The producer's relay and the consumer both reach Redis through the proxy, so both lose it.
    const bus = createRedisEventBus({ url: proxy.url, keyPrefix: prefix, consumer: CONTRACT_TUNING });
    cleanups.push(() => bus.close());
    await subscribeReserver(bus, 'inventory-1');
    startRelay(bus);
    const before = await placeOrder();
    await waitFor('the first reservation', async () => (await reservationsPerEvent([before]))[0] === 1);

    await proxy.down();
    const during = [await placeOrder(), await placeOrder(), await placeOrder()];
    await waitFor('the relay to fail at least twice', async () => {
      const rows = await db.sql<{ attempts: number }>(`select attempts from orders.outbox where id = ?`, [during[0]]);
      return rows[0]!.attempts >= 2;
    });
    const waiting = await db.sql<{ n: number }>(`select count(*)::int as n from orders.outbox where published_at is null and id in (?, ?, ?)`, during);
    expect(waiting[0]!.n).toBe(3);
    expect(await reservationsPerEvent(during)).toEqual([0, 0, 0]);

    await proxy.up();
    await waitFor('every reservation after the outage', async () => (await reservationsPerEvent(during)).every((n) => n === 1), { timeoutMs: 30_000 });
    expect(await reservationsPerEvent([before, ...during])).toEqual([1, 1, 1, 1]);
  });
});

(redisUrl ? describe : describe.skip)(`when a consumer process is killed mid-event${redisUrl ? '' : ' — SKIPPED, REDIS_URL is not set'}`, () => {
  it('hands the event to another process of the group, and the effect still happens once', async () => {
    const prefix = `${filePrefix}:${randomUUID()}`;
    const outcomes: Outcomes = new Map();
    let handlerStarted!: () => void;
    const started = new Promise<void>((resolve) => (handlerStarted = resolve));

    // Process 1: commits the effect, then hangs forever — it never acknowledges; then the process "dies" (its
    // connections close without stopping the subscription, as a SIGKILL would leave them).
    const doomed = createRedisEventBus({ url: redisUrl!, keyPrefix: prefix, consumer: CONTRACT_TUNING });
    await doomed.subscribe({
      group: 'inventory.reserve-stock',
      consumer: 'inventory-doomed',
      types: ['orders.order-placed.v1'],
      handler: async (event) => {
        const outcome = await handleOnce(db.orm.em.fork(), event, 'inventory.reserve-stock', reserveStock(event.payload.orderId));
        outcomes.set(event.id, [outcome.applied]);
        handlerStarted();
        await new Promise<never>(() => undefined);
      },
    });
    startRelay(doomed);
    const event = await placeOrder();
    await started;
    await doomed.close();

    // Process 2 of the same group reclaims the entry left pending once it has been idle long enough.
    const survivor = createRedisEventBus({ url: redisUrl!, keyPrefix: prefix, consumer: CONTRACT_TUNING });
    cleanups.push(() => survivor.close());
    await subscribeReserver(survivor, 'inventory-survivor', { outcomes });
    await waitFor('the survivor to take the event over', () => (outcomes.get(event) ?? []).length >= 2, { timeoutMs: 30_000 });
    expect(outcomes.get(event)).toEqual([true, false]);
    expect(await reservationsPerEvent([event])).toEqual([1]);
  });
});
