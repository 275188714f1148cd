import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import { hasRealPostgres } from '@techally/testing';
import { appendToOutbox, handleOnce } from '../../index';
import { startEventsDatabase, type EventsDatabase, type Widget } from '../../__tests__/support/events-database';
import { orderPlaced, stockChanged } from '../../__tests__/support/sample-events';
import { announceSkipped } from '../../__tests__/support/wait-for';

const onRealPostgres = hasRealPostgres() ? describe : describe.skip;
const realPostgresTitle = hasRealPostgres() ? '' : ' — SKIPPED, DATABASE_URL is not set (needs a real server)';
if (!hasRealPostgres()) announceSkipped('concurrent deliveries to handleOnce', 'DATABASE_URL is not set (the embedded PGlite has one session)');

let db: EventsDatabase;

beforeAll(async () => {
  db = await startEventsDatabase({ orms: 2 });
});
afterAll(() => db?.stop());

/** The effect under test: one widget row per application, so a count says how often it ran. */
function addWidget(tag: string) {
  return async (em: EntityManager) => {
    em.persist(em.create<Widget>('Widget', { id: randomUUID(), name: tag }));
    return tag;
  };
}

async function widgetsNamed(tag: string): Promise<number> {
  const [row] = await db.sql<{ n: number }>(`select count(*)::int as n from orders.widget where name = ?`, [tag]);
  return row!.n;
}

async function inboxRows(eventId: string) {
  return db.sql<{ consumer: string }>(`select consumer from orders.inbox where event_id = ? order by consumer`, [eventId]);
}

describe('handleOnce', () => {
  it('applies the effect of an event delivered twice only once', async () => {
    const event = orderPlaced();
    const tag = randomUUID();
    const first = await handleOnce(db.orm.em.fork(), event, 'inventory.reserve-stock', addWidget(tag));
    const second = await handleOnce(db.orm.em.fork(), event, 'inventory.reserve-stock', addWidget(tag));
    expect(first).toEqual({ applied: true, result: tag });
    expect(second).toEqual({ applied: false });
    expect(await widgetsNamed(tag)).toBe(1);
    expect(await inboxRows(event.id)).toEqual([{ consumer: 'inventory.reserve-stock' }]);
  });

  it('lets each consumer apply the same event once', async () => {
    const event = orderPlaced();
    const tag = randomUUID();
    for (const consumer of ['inventory.reserve-stock', 'reviews.verified-buyers', 'inventory.reserve-stock']) {
      await handleOnce(db.orm.em.fork(), event, consumer, addWidget(tag));
    }
    expect(await widgetsNamed(tag)).toBe(2);
    expect(await inboxRows(event.id)).toEqual([{ consumer: 'inventory.reserve-stock' }, { consumer: 'reviews.verified-buyers' }]);
  });

  it('records nothing when the effect fails, so the redelivery applies it', async () => {
    const event = orderPlaced();
    const tag = randomUUID();
    await expect(
      handleOnce(db.orm.em.fork(), event, 'payments.create-payment', async (em) => {
        await addWidget(tag)(em);
        await em.flush();
        throw new Error('the provider is down');
      }),
    ).rejects.toThrow('the provider is down');
    expect(await inboxRows(event.id)).toEqual([]);
    expect(await widgetsNamed(tag)).toBe(0);

    expect((await handleOnce(db.orm.em.fork(), event, 'payments.create-payment', addWidget(tag))).applied).toBe(true);
    expect(await widgetsNamed(tag)).toBe(1);
  });

  it('commits the events an effect emits with it (the next saga step), once', async () => {
    const event = orderPlaced();
    const reaction = stockChanged();
    for (let delivery = 0; delivery < 2; delivery++) {
      await handleOnce(db.orm.em.fork(), event, 'inventory.reserve-stock', async (em) => appendToOutbox(em, reaction));
    }
    const rows = await db.sql(`select id from orders.outbox where id = ?`, [reaction.id]);
    expect(rows).toHaveLength(1);
  });

  it('joins a transaction the caller already opened', async () => {
    const event = orderPlaced();
    const tag = randomUUID();
    await expect(
      db.orm.em.fork().transactional(async (em) => {
        await handleOnce(em, event, 'search.index', addWidget(tag));
        throw new Error('the caller rolls back');
      }),
    ).rejects.toThrow('the caller rolls back');
    expect(await inboxRows(event.id)).toEqual([]);
    expect(await widgetsNamed(tag)).toBe(0);
  });

  onRealPostgres(`under concurrent deliveries${realPostgresTitle}`, () => {
    it('applies the effect once when the same event is handled on many connections at the same time', async () => {
      const other = await db.openOrm();
      const event = orderPlaced();
      const tag = randomUUID();
      const outcomes = await Promise.all(
        Array.from({ length: 12 }, (_, index) =>
          handleOnce((index % 2 ? other : db.orm).em.fork(), event, 'inventory.reserve-stock', async (em) => {
            // Hold the transaction open a little, so the others pile up on the inbox row.
            await em.execute('select pg_sleep(0.05)');
            return addWidget(tag)(em);
          }),
        ),
      );
      expect(outcomes.filter((outcome) => outcome.applied)).toHaveLength(1);
      expect(await widgetsNamed(tag)).toBe(1);
    });
  });
});
