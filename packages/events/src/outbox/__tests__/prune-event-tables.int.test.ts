import { appendToOutbox, createInMemoryEventBus, createOutboxRelay, handleOnce, pruneEventTables } from '../../index';
import { startEventsDatabase, type EventsDatabase } from '../../__tests__/support/events-database';
import { orderPlaced } from '../../__tests__/support/sample-events';

let db: EventsDatabase;

beforeAll(async () => {
  db = await startEventsDatabase();
});
afterAll(() => db?.stop());

describe('pruneEventTables', () => {
  it('deletes old published outbox rows and old inbox rows, never an unpublished event', async () => {
    const [published, waiting] = [orderPlaced(), orderPlaced()];
    await db.orm.em.fork().transactional(async (em) => appendToOutbox(em, published));
    await createOutboxRelay({ orm: db.orm, bus: createInMemoryEventBus() }).publishBatch();
    await db.orm.em.fork().transactional(async (em) => appendToOutbox(em, waiting));
    await handleOnce(db.orm.em.fork(), published, 'search.index', async () => undefined);
    // Age everything by a day.
    await db.sql(`update orders.outbox set occurred_at = occurred_at - interval '1 day', published_at = published_at - interval '1 day'`);
    await db.sql(`update orders.inbox set processed_at = processed_at - interval '1 day'`);

    const anHourAgo = new Date(Date.now() - 3_600_000);
    const deleted = await pruneEventTables(db.orm.em.fork(), { publishedBefore: anHourAgo, processedBefore: anHourAgo, batchSize: 1 });

    expect(deleted).toEqual({ outbox: 1, inbox: 1 });
    expect(await db.sql(`select id from orders.outbox`)).toEqual([{ id: waiting.id }]);
    expect(await db.sql(`select * from orders.inbox`)).toEqual([]);
  });
});
