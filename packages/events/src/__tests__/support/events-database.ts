import { EntitySchema, type MigrationObject } from '@mikro-orm/core';
import { Migration } from '@mikro-orm/migrations';
import { createOrm, migrate, type SubgraphOrm } from '@techally/platform';
import { createTestDatabase, type TestDatabase } from '@techally/testing';
import { createEventEntities, EVENT_TABLES_V1 } from '../../index';

/** The schema the tests' ORM owns; any of the graph's schema names would do. */
export const TEST_SCHEMA = 'orders';

/** A stand-in for a domain row, changed in the same transaction as an event is written. */
export interface Widget {
  id: string;
  name: string;
}

export function createWidgetEntity(): EntitySchema<Widget> {
  return new EntitySchema<Widget>({
    name: 'Widget',
    tableName: 'widget',
    properties: { id: { type: 'uuid', primary: true }, name: { type: 'string', length: 100 } },
  });
}

/** What a subgraph's own migration does: its tables, and the event tables from `EVENT_TABLES_V1`. */
export class Migration20261201000000_widgets_and_events extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create schema if not exists "${TEST_SCHEMA}";`);
    this.addSql(`create table "${TEST_SCHEMA}"."widget" ("id" uuid not null, "name" varchar(100) not null, constraint "widget_pkey" primary key ("id"));`);
    for (const sql of EVENT_TABLES_V1.up(TEST_SCHEMA)) this.addSql(sql);
  }

  override async down(): Promise<void> {
    for (const sql of EVENT_TABLES_V1.down(TEST_SCHEMA)) this.addSql(sql);
    this.addSql(`drop table if exists "${TEST_SCHEMA}"."widget";`);
  }
}

export const TEST_MIGRATIONS: MigrationObject[] = [
  { name: 'Migration20261201000000_widgets_and_events', class: Migration20261201000000_widgets_and_events },
];

export interface EventsDatabase {
  readonly database: TestDatabase;
  readonly orm: SubgraphOrm;
  /** Another ORM on the same database (a second relay process, say); closed by `stop`. */
  openOrm(options?: { eventEntities?: boolean }): Promise<SubgraphOrm>;
  sql<T>(query: string, params?: unknown[]): Promise<T[]>;
  stop(): Promise<void>;
}

/** A database of the test file's own (real server or embedded PGlite), migrated, with an ORM on it. */
export async function startEventsDatabase(options: { orms?: number } = {}): Promise<EventsDatabase> {
  const database = await createTestDatabase({ maxConnections: 4 * (options.orms ?? 1) + 4 });
  const orms: SubgraphOrm[] = [];
  const openOrm = async ({ eventEntities = true } = {}) => {
    const orm = await createOrm({
      schema: TEST_SCHEMA,
      databaseUrl: database.url,
      entities: [createWidgetEntity(), ...(eventEntities ? createEventEntities() : [])],
      migrations: TEST_MIGRATIONS,
      poolMax: database.poolMax,
    });
    orms.push(orm);
    return orm;
  };
  try {
    const orm = await openOrm();
    await migrate(orm);
    return {
      database,
      orm,
      openOrm,
      sql: (query, params = []) => orm.em.fork().getConnection().execute(query, params as unknown[]) as never,
      async stop() {
        for (const open of orms) await open.close();
        await database.drop();
      },
    };
  } catch (error) {
    for (const open of orms) await open.close();
    await database.drop();
    throw error;
  }
}
