import { hasRealPostgres } from '@techally/testing';
import {
  appendToOutbox,
  createInMemoryEventBus,
  createOutboxRelay,
  type AnyEventEnvelope,
  type EventBus,
  type OutboxRelay,
} from '../../index';
import { startEventsDatabase, type EventsDatabase } from '../../__tests__/support/events-database';
import { announceSkipped, gate, waitFor } from '../../__tests__/support/wait-for';
import { orderCancelled, orderPlaced, stockChanged } from '../../__tests__/support/sample-events';

/**
 * Races between relays need several sessions of one real server: the embedded PGlite runs every statement of
 * every connection in one session, so those suites are skipped, and say so, without DATABASE_URL.
 */
const onRealPostgres = hasRealPostgres() ? describe : describe.skip;
const realPostgresTitle = hasRealPostgres() ? '' : ' — SKIPPED, DATABASE_URL is not set (needs a real server)';
if (!hasRealPostgres()) announceSkipped('relays racing on one outbox, uncommitted rows, LISTEN/NOTIFY', 'DATABASE_URL is not set (the embedded PGlite has one session)');

/** pg_locks lists every database's locks; other test files run on the same server at the same time. */
const THIS_DATABASE = `(select oid from pg_database where datname = current_database())`;

let db: EventsDatabase;
const relays: OutboxRelay[] = [];

beforeAll(async () => {
  db = await startEventsDatabase({ orms: 3 });
});
afterEach(async () => {
  for (const relay of relays.splice(0)) await relay.stop();
  // Each test starts from an outbox with nothing left to publish.
  await db.sql(`update orders.outbox set published_at = now() where published_at is null`);
});
afterAll(() => db?.stop());

function relayFor(options: Partial<Parameters<typeof createOutboxRelay>[0]> & { bus: Pick<EventBus, 'publish'> }): OutboxRelay {
  const relay = createOutboxRelay({ orm: db.orm, batchSize: 100, pollIntervalMs: 20, maxBackoffMs: 100, ...options });
  relays.push(relay);
  return relay;
}

async function commit(events: AnyEventEnvelope[]): Promise<void> {
  await db.orm.em.fork().transactional(async (em) => appendToOutbox(em, events));
}

async function rowsOf(events: AnyEventEnvelope[]) {
  return db.sql<{ id: string; published_at: string | null; attempts: number; last_error: string | null }>(
    `select id, published_at, attempts, last_error from orders.outbox where id in (${events.map(() => '?').join(', ')}) order by position`,
    events.map((event) => event.id),
  );
}

/** Records what reaches the bus, and can be "down" (the brief's bus wrapper that fails) and back. */
function flakyBus(target: Pick<EventBus, 'publish'>) {
  const published: AnyEventEnvelope[] = [];
  const state = { down: false };
  return {
    published,
    state,
    async publish(envelope: AnyEventEnvelope) {
      if (state.down) throw new Error('connect ECONNREFUSED 127.0.0.1:6379');
      await target.publish(envelope);
      published.push(envelope);
    },
  };
}

describe('the outbox relay', () => {
  it('publishes committed events in the order they were written, and marks them published', async () => {
    const bus = createInMemoryEventBus();
    const received: AnyEventEnvelope[] = [];
    await bus.subscribe({
      group: 'test.observer',
      consumer: 'observer',
      types: ['orders.order-placed.v1', 'orders.order-cancelled.v1'],
      handler: async (envelope) => void received.push(envelope),
    });
    const first = [orderPlaced(), orderCancelled(), orderPlaced()];
    const second = [orderCancelled(), orderPlaced()];
    await commit(first);
    await commit(second);

    const batch = await relayFor({ bus }).publishBatch();

    expect(batch).toEqual({ published: 5, republished: 0, failure: null, busy: false });
    await waitFor('the five events', () => received.length === 5);
    expect(received).toEqual([...first, ...second]);
    const rows = await rowsOf([...first, ...second]);
    expect(rows.every((row) => row.published_at !== null && row.attempts === 0)).toBe(true);
    expect(await relayFor({ bus }).publishBatch()).toEqual({ published: 0, republished: 0, failure: null, busy: false });
    await bus.close();
  });

  it('publishes in batches of batchSize, oldest first', async () => {
    const bus = flakyBus(createInMemoryEventBus());
    const events = Array.from({ length: 7 }, () => stockChanged());
    await commit(events);
    const relay = relayFor({ bus, batchSize: 3 });
    expect((await relay.publishBatch()).published).toBe(3);
    expect(bus.published).toEqual(events.slice(0, 3));
    expect((await relay.publishBatch()).published).toBe(3);
    expect((await relay.publishBatch()).published).toBe(1);
    expect(bus.published).toEqual(events);
  });

  it('keeps the events while the bus is down (attempts and last error recorded) and publishes each once when it is back', async () => {
    const bus = flakyBus(createInMemoryEventBus());
    bus.state.down = true;
    const relay = relayFor({ bus });
    relay.start();
    const events = [orderPlaced(), orderCancelled(), stockChanged()];
    await commit(events); // the change commits although the bus is down

    const [head] = await waitFor('a few failed attempts', async () => {
      const rows = await rowsOf(events);
      return rows[0]!.attempts >= 3 && rows;
    });
    expect(head!.last_error).toBe('connect ECONNREFUSED 127.0.0.1:6379');
    expect((await rowsOf(events)).every((row) => row.published_at === null)).toBe(true);
    expect(bus.published).toEqual([]);

    bus.state.down = false;
    await waitFor('every event published', async () => (await rowsOf(events)).every((row) => row.published_at !== null));
    expect(bus.published).toEqual(events);
  });

  it('hands each event to onPublished after its batch committed, in order, and only the events that went out', async () => {
    const bus = flakyBus(createInMemoryEventBus());
    const handed: Array<{ id: string; publishedInDatabase: boolean }> = [];
    const relay = relayFor({
      bus,
      batchSize: 10,
      onPublished: async (envelope) => {
        const [row] = await rowsOf([envelope]);
        handed.push({ id: envelope.id, publishedInDatabase: row!.published_at !== null });
        if (handed.length === 1) throw new Error('a subscriber feed is down'); // logged, never stops the relay
      },
    });
    const events = [stockChanged(), stockChanged(), orderPlaced()];
    await commit(events);
    bus.state.down = true;
    expect((await relay.publishBatch()).published).toBe(0);
    expect(handed).toEqual([]);

    bus.state.down = false;
    expect((await relay.publishBatch()).published).toBe(3);
    expect(handed).toEqual(events.map((event) => ({ id: event.id, publishedInDatabase: true })));
  });

  it('stops promptly, even in the middle of a backoff', async () => {
    const bus = flakyBus(createInMemoryEventBus());
    bus.state.down = true;
    const relay = createOutboxRelay({ orm: db.orm, bus, pollIntervalMs: 60_000, maxBackoffMs: 60_000 });
    await commit([orderPlaced()]);
    relay.start();
    await waitFor('a failed attempt', async () => (await db.sql<{ n: number }>(`select count(*)::int as n from orders.outbox where attempts > 0 and published_at is null`))[0]!.n > 0);
    await relay.stop(); // resolves without waiting out the minute: the test's own timeout would fail otherwise
  });

  onRealPostgres(`with several relays on one outbox${realPostgresTitle}`, () => {
    it('never lets two relays hold the same rows: the second claims the rows after the first one’s (SKIP LOCKED)', async () => {
      const shared = flakyBus(createInMemoryEventBus());
      const held = gate();
      let firstBatch = true;
      const slowBus = {
        async publish(envelope: AnyEventEnvelope) {
          if (firstBatch) await held.promise;
          await shared.publish(envelope);
        },
      };
      const events = Array.from({ length: 6 }, () => stockChanged());
      await commit(events);
      const one = createOutboxRelay({ orm: await db.openOrm(), bus: slowBus, batchSize: 3, exclusive: false });
      const two = createOutboxRelay({ orm: await db.openOrm(), bus: shared, batchSize: 3, exclusive: false });

      const first = one.publishBatch(); // claims rows 1–3, then waits on the bus holding them
      await waitFor('the first relay to hold its rows', async () => {
        const [row] = await db.sql<{ n: number }>(`select count(*)::int as n from pg_locks l join pg_class c on c.oid = l.relation where c.relname = 'outbox' and l.mode = 'RowShareLock' and l.database = ${THIS_DATABASE}`);
        return row!.n > 0;
      });
      expect(await two.publishBatch()).toEqual({ published: 3, republished: 0, failure: null, busy: false });
      expect(shared.published).toEqual(events.slice(3));
      firstBatch = false;
      held.open();
      expect(await first).toEqual({ published: 3, republished: 0, failure: null, busy: false });
      expect([...shared.published].sort((a, b) => a.id.localeCompare(b.id))).toEqual([...events].sort((a, b) => a.id.localeCompare(b.id)));
    });

    it('lets only one relay publish at a time in exclusive mode (the default), so order is kept', async () => {
      const shared = flakyBus(createInMemoryEventBus());
      const held = gate();
      const slowBus = { publish: async (envelope: AnyEventEnvelope) => { await held.promise; await shared.publish(envelope); } };
      const events = Array.from({ length: 4 }, () => stockChanged());
      await commit(events);
      const one = createOutboxRelay({ orm: await db.openOrm(), bus: slowBus, batchSize: 2 });
      const two = createOutboxRelay({ orm: db.orm, bus: shared, batchSize: 2 });
      const first = one.publishBatch();
      await waitFor('the first relay to take the outbox', async () => {
        const [row] = await db.sql<{ n: number }>(`select count(*)::int as n from pg_locks where locktype = 'advisory' and granted and database = ${THIS_DATABASE}`);
        return row!.n > 0;
      });
      expect(await two.publishBatch()).toEqual({ published: 0, republished: 0, failure: null, busy: true });
      held.open();
      expect((await first).published).toBe(2);
      expect((await two.publishBatch()).published).toBe(2);
      expect(shared.published).toEqual(events);
    });

    it.each([
      ['side by side (exclusive: false)', false],
      ['as hot standbys (exclusive: true)', true],
    ])('publishes every row exactly once with two relays polling %s', async (_, exclusive) => {
      const shared = flakyBus(createInMemoryEventBus());
      const events = Array.from({ length: 240 }, (_, index) => (index % 2 ? orderPlaced() : stockChanged()));
      for (let start = 0; start < events.length; start += 12) await commit(events.slice(start, start + 12));
      const yielding = { publish: async (envelope: AnyEventEnvelope) => { await new Promise((resolve) => setImmediate(resolve)); await shared.publish(envelope); } };
      const one = createOutboxRelay({ orm: await db.openOrm(), bus: yielding, batchSize: 10, pollIntervalMs: 5, exclusive });
      const two = createOutboxRelay({ orm: await db.openOrm(), bus: yielding, batchSize: 10, pollIntervalMs: 5, exclusive });
      relays.push(one, two);
      one.start();
      two.start();
      await waitFor('every row published', async () => (await rowsOf(events)).every((row) => row.published_at !== null), { timeoutMs: 30_000 });
      const counts = new Map<string, number>();
      for (const envelope of shared.published) counts.set(envelope.id, (counts.get(envelope.id) ?? 0) + 1);
      expect(counts.size).toBe(events.length);
      expect([...counts.values()].every((count) => count === 1)).toBe(true);
      if (exclusive) expect(shared.published).toEqual(events);
    });

    it('does not publish a row whose transaction has not committed', async () => {
      const bus = flakyBus(createInMemoryEventBus());
      const event = orderPlaced();
      const em = db.orm.em.fork();
      await em.begin();
      appendToOutbox(em, event);
      await em.flush();
      expect((await relayFor({ bus }).publishBatch()).published).toBe(0);
      await em.commit();
      expect((await relayFor({ bus }).publishBatch()).published).toBe(1);
      expect(bus.published).toEqual([event]);
    });

    it('wakes up on the outbox trigger’s NOTIFY instead of waiting for its next poll', async () => {
      const bus = flakyBus(createInMemoryEventBus());
      const relay = relayFor({ bus, pollIntervalMs: 600_000, listen: true });
      relay.start();
      await waitFor('the relay to LISTEN', async () => {
        const [row] = await db.sql<{ n: number }>(`select count(*)::int as n from pg_stat_activity where datname = current_database() and query ilike 'listen techally_outbox%'`);
        return row!.n > 0;
      });
      const event = orderPlaced();
      await commit([event]);
      // A ten-minute poll interval: only the notification can have published it within the wait.
      await waitFor('the event published', () => bus.published.some((published) => published.id === event.id));
    });
  });
});
