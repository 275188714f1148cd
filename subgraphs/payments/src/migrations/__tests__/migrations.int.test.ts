import { itKeepsMigrationsAndEntitiesInStep, migratedTestOrm } from '@techally/testing';
import { createPaymentsOrm } from '../../database';

const orm = migratedTestOrm((database) => createPaymentsOrm({ databaseUrl: database.url, poolMax: database.poolMax }));

describe('the committed migrations', () => {
  itKeepsMigrationsAndEntitiesInStep(orm);

  it('keep every table in the payments schema', async () => {
    const rows = await orm().em
      .fork()
      .getConnection()
      .execute<Array<{ table_schema: string; table_name: string }>>(
        `select table_schema, table_name from information_schema.tables where table_name in ('payment', 'payment_attempt')`,
      );
    expect(rows.map((row) => `${row.table_schema}.${row.table_name}`).sort()).toEqual(['payments.payment', 'payments.payment_attempt']);
  });
});
