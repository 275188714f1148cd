import { migrate, type SubgraphOrm } from '@techally/platform';
import { createTestDatabase, type TestDatabase } from '@techally/testing';
import { createPaymentsOrm } from '../../database';

let database: TestDatabase;
let orm: SubgraphOrm;

beforeAll(async () => {
  database = await createTestDatabase();
  orm = await createPaymentsOrm({ databaseUrl: database.url, poolMax: database.poolMax });
  await migrate(orm);
});

afterAll(async () => {
  await orm?.close();
  await database?.drop();
});

describe('the committed migrations', () => {
  it('build exactly the schema the entities describe (no pending difference)', async () => {
    const pending = await orm.getSchemaGenerator().getUpdateSchemaSQL({ wrap: false });
    expect(pending.trim()).toBe('');
  });

  it('are recorded, so a second run applies nothing', async () => {
    const applied = await orm.getMigrator().getExecutedMigrations();
    await migrate(orm);
    expect(await orm.getMigrator().getPendingMigrations()).toEqual([]);
    expect(await orm.getMigrator().getExecutedMigrations()).toHaveLength(applied.length);
  });

  it('keep every table in the payments schema', async () => {
    const rows = await orm.em
      .fork()
      .getConnection()
      .execute<Array<{ table_schema: string; table_name: string }>>(
        `select table_schema, table_name from information_schema.tables where table_name in ('payment', 'payment_attempt')`,
      );
    expect(rows.map((row) => `${row.table_schema}.${row.table_name}`).sort()).toEqual(['payments.payment', 'payments.payment_attempt']);
  });
});
