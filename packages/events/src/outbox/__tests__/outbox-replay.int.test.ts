import { deleteKeys, inspectRedis, testRedisUrl, uniqueKeyPrefix } from '@techally/testing';
import {
  appendToOutbox,
  createInMemoryEventBus,
  createOutboxRelay,
  createRedisEventBus,
  handleOnce,
  redisStreamKeys,
  type AnyEventEnvelope,
  type EventBus,
  type OutboxRelay,
  type Subscription,
} from '../../index';
import { startEventsDatabase, type EventsDatabase } from '../../__tests__/support/events-database';
import { announceSkipped, waitFor } from '../../__tests__/support/wait-for';
import { orderCancelled, orderPlaced } from '../../__tests__/support/sample-events';
import { CONTRACT_TUNING } from '../../bus/__tests__/event-bus.contract';

// Issue #9: a Redis restarted without its data loses every event it held. The relay keeps published rows for a
// retention window, notices the loss (its epoch marker, or a stream it published to, is gone) and publishes
// them again; consumers apply each event once however often it arrives.
const redisUrl = testRedisUrl();
const filePrefix = uniqueKeyPrefix('outbox-replay');
const onRedis = redisUrl ? describe : describe.skip;
if (!redisUrl) announceSkipped('the relay publishing again what Redis lost', 'REDIS_URL is not set (CI sets it to redis://127.0.0.1:6379)');

const GROUP = 'test.apply-once';
const HOUR_MS = 3_600_000;

let db: EventsDatabase;
const relays: OutboxRelay[] = [];
const buses: EventBus[] = [];
const subscriptions: Subscription[] = [];

beforeAll(async () => {
  db = await startEventsDatabase();
});
afterEach(async () => {
  for (const subscription of subscriptions.splice(0)) await subscription.stop();
  for (const relay of relays.splice(0)) await relay.stop();
  for (const bus of buses.splice(0)) await bus.close();
  // Each test starts from an empty outbox and inbox: what an earlier test published is not this one's to replay.
  await db.sql(`delete from orders.outbox`);
  await db.sql(`delete from orders.inbox`);
});
afterAll(async () => {
  if (redisUrl) await deleteKeys(redisUrl, filePrefix);
  await db?.stop();
});

let busCount = 0;
function redisBus(): { bus: EventBus; keyPrefix: string } {
  const keyPrefix = `${filePrefix}:${++busCount}`;
  const bus = createRedisEventBus({ url: redisUrl!, keyPrefix, consumer: CONTRACT_TUNING });
  buses.push(bus);
  return { bus, keyPrefix };
}

function relayOn(bus: EventBus, options: { retentionMs?: number; pruneIntervalMs?: number } = {}): OutboxRelay {
  const relay = createOutboxRelay({ orm: db.orm, bus, pollIntervalMs: 20, maxBackoffMs: 100, retentionMs: HOUR_MS, ...options });
  relays.push(relay);
  return relay;
}

async function commit(events: AnyEventEnvelope[]): Promise<void> {
  await db.orm.em.fork().transactional(async (em) => appendToOutbox(em, events));
}

/** A consumer whose effect goes through the inbox: `deliveries` counts every arrival, `effects` each application. */
async function applyOnceConsumer(bus: EventBus) {
  const seen = { deliveries: [] as string[], effects: [] as string[] };
  subscriptions.push(
    await bus.subscribe({
      group: GROUP,
      consumer: 'c1',
      types: ['orders.order-placed.v1', 'orders.order-cancelled.v1'],
      handler: async (event) => {
        seen.deliveries.push(event.id);
        await handleOnce(db.orm.em.fork(), event, GROUP, async () => void seen.effects.push(event.id));
      },
    }),
  );
  return seen;
}

const count = (ids: readonly string[], id: string) => ids.filter((candidate) => candidate === id).length;

onRedis('the outbox relay on a Redis that lost its data', () => {
  it('publishes the retained rows again, oldest first, and each event is applied once', async () => {
    const { bus, keyPrefix } = redisBus();
    const relay = relayOn(bus);
    const seen = await applyOnceConsumer(bus);
    const events = [orderPlaced(), orderCancelled(), orderPlaced()];
    await commit(events);
    expect(await relay.publishBatch()).toEqual({ published: 3, republished: 0, failure: null, busy: false });
    await waitFor('the three events applied', () => seen.effects.length === 3);

    await deleteKeys(redisUrl!, keyPrefix); // what a Redis restarted empty looks like: streams, groups, marker gone
    expect(await relay.publishBatch()).toEqual({ published: 0, republished: 3, failure: null, busy: false });

    // The consumer finds its group gone (NOGROUP), makes it again from the start of the stream and reads the three.
    await waitFor('the three delivered again', () => events.every((event) => count(seen.deliveries, event.id) === 2));
    expect(seen.effects).toEqual(events.map((event) => event.id));
    // Marked as held again: the next batch publishes nothing twice.
    expect(await relay.publishBatch()).toEqual({ published: 0, republished: 0, failure: null, busy: false });
  });

  it('recovers an event that was published but not yet consumed when Redis lost it', async () => {
    const { bus, keyPrefix } = redisBus();
    const relay = relayOn(bus);
    const unread = orderPlaced();
    await commit([unread]);
    await relay.publishBatch(); // on the stream; its consumer not started yet
    await deleteKeys(redisUrl!, keyPrefix);

    const seen = await applyOnceConsumer(bus); // its group starts on an empty stream: the event is gone
    await relay.publishBatch();
    await waitFor('the lost event applied', () => seen.effects.includes(unread.id));
    expect(seen.effects).toEqual([unread.id]);
  });

  it('notices a stream it published to that vanished, though the rest of Redis is intact', async () => {
    const { bus, keyPrefix } = redisBus();
    const relay = relayOn(bus);
    const event = orderPlaced();
    await commit([event]);
    await relay.publishBatch();
    const redis = inspectRedis(redisUrl!);
    try {
      await redis.del(redisStreamKeys(keyPrefix).stream('orders'));
      expect(await redis.exists(redisStreamKeys(keyPrefix).marker('outbox:orders'))).toBe(1);
    } finally {
      redis.disconnect();
    }
    expect(await relay.publishBatch()).toMatchObject({ republished: 1 });
  });

  it('notices a stream that lost its newest entries while the marker survived (an AOF fsynced every second)', async () => {
    const { bus, keyPrefix } = redisBus();
    const relay = relayOn(bus);
    const events = [orderPlaced(), orderCancelled()];
    await commit(events);
    await relay.publishBatch();
    expect(await relay.publishBatch()).toMatchObject({ republished: 0 });
    const redis = inspectRedis(redisUrl!);
    try {
      const stream = redisStreamKeys(keyPrefix).stream('orders');
      const [[newest]] = (await redis.xrevrange(stream, '+', '-', 'COUNT', 1)) as [[string, string[]]];
      await redis.xdel(stream, newest);
    } finally {
      redis.disconnect();
    }
    expect(await relay.publishBatch()).toMatchObject({ republished: 2 });
  });

  it('publishes again only rows inside the retention window, never hands them to onPublished again', async () => {
    const { bus, keyPrefix } = redisBus();
    const handed: string[] = [];
    const relay = createOutboxRelay({ orm: db.orm, bus, retentionMs: HOUR_MS, onPublished: (event) => void handed.push(event.id) });
    const [old, recent] = [orderPlaced(), orderPlaced()];
    await commit([old, recent]);
    await relay.publishBatch();
    await db.sql(`update orders.outbox set published_at = now() - interval '2 hours' where id = ?`, [old.id]);
    await deleteKeys(redisUrl!, keyPrefix);

    const seen = await applyOnceConsumer(bus);
    expect(await relay.publishBatch()).toMatchObject({ republished: 1 });
    await waitFor('the recent event applied', () => seen.effects.includes(recent.id));
    expect(seen.deliveries).toEqual([recent.id]);
    expect(handed).toEqual([old.id, recent.id]); // once each, when they were first published
  });
});

describe('the outbox relay on a new in-memory bus (the embedded start after a restart)', () => {
  it('publishes what it had published to the bus that went away with the process', async () => {
    const events = [orderPlaced(), orderCancelled()];
    await commit(events);
    const before = createInMemoryEventBus();
    buses.push(before);
    await relayOn(before).publishBatch();

    const after = createInMemoryEventBus();
    buses.push(after);
    const seen = await applyOnceConsumer(after);
    expect(await relayOn(after).publishBatch()).toMatchObject({ republished: 2, published: 0 });
    await waitFor('both applied', () => seen.effects.length === 2);
    expect(seen.effects).toEqual(events.map((event) => event.id));
  });
});

describe('the outbox retention', () => {
  it('prunes published rows past the window and keeps those inside it and every unpublished one', async () => {
    const bus = createInMemoryEventBus();
    buses.push(bus);
    const [expired, kept, waiting] = [orderPlaced(), orderPlaced(), orderPlaced()];
    await commit([expired, kept]);
    await relayOn(bus).publishBatch();
    await commit([waiting]);
    await db.sql(`update orders.outbox set published_at = now() - interval '2 hours' where id = ?`, [expired.id]);
    await db.sql(`update orders.outbox set published_at = now() - interval '50 minutes' where id = ?`, [kept.id]);
    // The unpublished row is old too; only the relay's own progress may remove it (it publishes it, then keeps it).
    await db.sql(`update orders.outbox set occurred_at = now() - interval '3 hours' where id = ?`, [waiting.id]);

    relayOn(bus, { pruneIntervalMs: 10 }).start();
    await waitFor('the expired row pruned', async () => (await db.sql(`select id from orders.outbox where id = ?`, [expired.id])).length === 0);
    const left = await db.sql<{ id: string }>(`select id from orders.outbox order by position`);
    expect(left.map((row) => row.id)).toEqual([kept.id, waiting.id]);
  });
});
