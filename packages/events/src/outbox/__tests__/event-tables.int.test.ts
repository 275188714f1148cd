import { migrate } from '@techally/platform';
import { EVENT_TABLES_V1, quoteSchema } from '../../index';
import { startEventsDatabase, TEST_SCHEMA, type EventsDatabase } from '../../__tests__/support/events-database';

let db: EventsDatabase;

beforeAll(async () => {
  db = await startEventsDatabase();
});
afterAll(() => db?.stop());

describe('the event tables of a subgraph migration (EVENT_TABLES_V1)', () => {
  it('are exactly what the entities describe, so the subgraph’s schema diff stays empty', async () => {
    const pending = await db.orm.getSchemaGenerator().getUpdateSchemaSQL({ wrap: false });
    expect(pending.trim()).toBe('');
  });

  it('live in the subgraph’s own schema', async () => {
    const tables = await db.sql<{ table_schema: string; table_name: string }>(
      `select table_schema, table_name from information_schema.tables where table_name in ('outbox', 'inbox') order by table_name`,
    );
    expect(tables).toEqual([
      { table_schema: TEST_SCHEMA, table_name: 'inbox' },
      { table_schema: TEST_SCHEMA, table_name: 'outbox' },
    ]);
  });

  it('index the unpublished rows in publication order', async () => {
    const [index] = await db.sql<{ indexdef: string }>(`select indexdef from pg_indexes where indexname = 'outbox_unpublished_index'`);
    expect(index!.indexdef).toMatch(/\(\s*"?position"?\s*\)\s+WHERE \(published_at IS NULL\)/i);
  });

  it('key the inbox by event and consumer', async () => {
    const columns = await db.sql<{ column_name: string }>(
      `select a.attname as column_name from pg_index i join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
       where i.indrelid = '"${TEST_SCHEMA}"."inbox"'::regclass and i.indisprimary order by a.attname`,
    );
    expect(columns.map((column) => column.column_name)).toEqual(['consumer', 'event_id']);
  });

  it('come with a trigger that signals new outbox rows', async () => {
    const triggers = await db.sql<{ tgname: string }>(`select tgname from pg_trigger where tgrelid = '"${TEST_SCHEMA}"."outbox"'::regclass and not tgisinternal`);
    expect(triggers.map((trigger) => trigger.tgname)).toEqual(['outbox_notify']);
  });

  it('are dropped again by the down statements, and made again by the up ones', async () => {
    const em = db.orm.em.fork();
    for (const sql of EVENT_TABLES_V1.down(TEST_SCHEMA)) await em.execute(sql);
    const gone = await db.sql(`select 1 from information_schema.tables where table_schema = ? and table_name in ('outbox', 'inbox')`, [TEST_SCHEMA]);
    expect(gone).toEqual([]);
    for (const sql of EVENT_TABLES_V1.up(TEST_SCHEMA)) await em.execute(sql);
    await migrate(db.orm);
    expect((await db.orm.getSchemaGenerator().getUpdateSchemaSQL({ wrap: false })).trim()).toBe('');
  });

  it('refuse a schema name that is not a plain identifier', () => {
    expect(() => EVENT_TABLES_V1.up('orders"; drop table x; --')).toThrow('not a plain lower-case schema name');
    expect(quoteSchema('orders')).toBe('"orders"');
  });
});
