import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import { appendToOutbox, type AnyEventEnvelope } from '../../index';
import { startEventsDatabase, type EventsDatabase, type Widget } from '../../__tests__/support/events-database';
import { orderCancelled, orderPlaced } from '../../__tests__/support/sample-events';

let db: EventsDatabase;

beforeAll(async () => {
  db = await startEventsDatabase();
});
afterAll(() => db?.stop());

const ISO_OCCURRED_AT = `to_char(occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as occurred_at`;

interface OutboxRecord {
  id: string;
  type: string;
  aggregate_id: string;
  payload: unknown;
  metadata: unknown;
  occurred_at: string;
  published_at: Date | null;
  attempts: number;
  last_error: string | null;
}

async function outboxRows(ids: string[]): Promise<OutboxRecord[]> {
  if (ids.length === 0) return [];
  return db.sql<OutboxRecord>(`select *, ${ISO_OCCURRED_AT} from orders.outbox where id in (${ids.map(() => '?').join(', ')}) order by position`, ids);
}

async function widgets(ids: string[]): Promise<number> {
  const [row] = await db.sql<{ count: number }>(`select count(*)::int as count from orders.widget where id in (${ids.map(() => '?').join(', ')})`, ids);
  return row!.count;
}

function addWidget(em: EntityManager, id: string): void {
  em.persist(em.create<Widget>('Widget', { id, name: 'a widget' }));
}

describe('appendToOutbox', () => {
  it('commits the event with the domain change made in the same transaction', async () => {
    const widgetId = randomUUID();
    const event = orderPlaced();
    await db.orm.em.fork().transactional(async (em) => {
      addWidget(em, widgetId);
      appendToOutbox(em, event);
    });
    expect(await widgets([widgetId])).toBe(1);
    const [row] = await outboxRows([event.id]);
    expect(row).toMatchObject({
      id: event.id,
      type: 'orders.order-placed.v1',
      aggregate_id: event.aggregateId,
      payload: event.payload,
      metadata: {},
      published_at: null,
      attempts: 0,
      last_error: null,
    });
    expect(row!.occurred_at).toBe(event.occurredAt);
  });

  it('leaves neither the change nor the event behind when the transaction rolls back', async () => {
    const widgetId = randomUUID();
    const event = orderPlaced();
    await expect(
      db.orm.em.fork().transactional(async (em) => {
        addWidget(em, widgetId);
        appendToOutbox(em, event);
        await em.flush();
        throw new Error('the payment provider said no');
      }),
    ).rejects.toThrow('the payment provider said no');
    expect(await widgets([widgetId])).toBe(0);
    expect(await outboxRows([event.id])).toEqual([]);
  });

  it('leaves no event behind when the domain change fails to commit', async () => {
    const widgetId = randomUUID();
    await db.orm.em.fork().transactional(async (em) => addWidget(em, widgetId));
    const event = orderPlaced();
    const em = db.orm.em.fork();
    addWidget(em, widgetId); // the same primary key: the flush fails
    appendToOutbox(em, event);
    await expect(em.flush()).rejects.toThrow();
    expect(await outboxRows([event.id])).toEqual([]);
  });

  it('goes out with a plain flush, which wraps the change and the event in one transaction', async () => {
    const widgetId = randomUUID();
    const event = orderPlaced();
    const em = db.orm.em.fork();
    addWidget(em, widgetId);
    appendToOutbox(em, event);
    expect(await outboxRows([event.id])).toEqual([]); // nothing before the flush
    await em.flush();
    expect(await widgets([widgetId])).toBe(1);
    expect(await outboxRows([event.id])).toHaveLength(1);
  });

  it('keeps the order events were appended in, and their metadata', async () => {
    const orderId = randomUUID();
    const events: AnyEventEnvelope[] = [
      orderPlaced(orderId),
      { ...orderCancelled(orderId), metadata: { requestId: 'req-1', traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01' } },
      orderPlaced(),
    ];
    await db.orm.em.fork().transactional(async (em) => appendToOutbox(em, events));
    const rows = await outboxRows(events.map((event) => event.id));
    expect(rows.map((row) => row.id)).toEqual(events.map((event) => event.id));
    expect(rows[1]!.metadata).toEqual(events[1]!.metadata);
  });

  it('says what to do when the ORM does not know the outbox', async () => {
    const orm = await db.openOrm({ eventEntities: false });
    expect(() => appendToOutbox(orm.em.fork(), orderPlaced())).toThrow('add ...createEventEntities() to its entities');
  });
});
