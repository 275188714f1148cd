import { itKeepsMigrationsAndEntitiesInStep, migratedTestOrm } from '@techally/testing';
import { createProductsOrm } from '../../database';

const orm = migratedTestOrm((database) => createProductsOrm({ databaseUrl: database.url, poolMax: database.poolMax }));

describe('the committed migrations', () => {
  itKeepsMigrationsAndEntitiesInStep(orm);

  it('keep every table in the products schema', async () => {
    const rows = await orm()
      .em.fork()
      .getConnection()
      .execute<Array<{ table_schema: string; table_name: string }>>(
        `select table_schema, table_name from information_schema.tables where table_name in ('product', 'category')`,
      );
    expect(rows.map((row) => `${row.table_schema}.${row.table_name}`).sort()).toEqual(['products.category', 'products.product']);
  });
});
