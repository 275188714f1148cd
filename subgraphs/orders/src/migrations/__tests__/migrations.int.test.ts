import { itKeepsMigrationsAndEntitiesInStep, migratedTestOrm } from '@techally/testing';
import { createOrdersOrm } from '../../database';

const orm = migratedTestOrm((database) => createOrdersOrm({ databaseUrl: database.url, poolMax: database.poolMax }));

describe('the committed migrations', () => {
  itKeepsMigrationsAndEntitiesInStep(orm);

  it('keep every table and the order-number sequence in the orders schema', async () => {
    const connection = orm().em.fork().getConnection();
    const tables = await connection.execute<Array<{ name: string }>>(
      `select table_schema || '.' || table_name as name from information_schema.tables
       where table_name in ('order', 'order_item', 'order_status_change') order by name`,
    );
    expect(tables.map((row) => row.name)).toEqual(['orders.order', 'orders.order_item', 'orders.order_status_change']);
    const sequences = await connection.execute<Array<{ name: string }>>(
      `select sequence_schema || '.' || sequence_name as name from information_schema.sequences where sequence_name = 'order_number_seq'`,
    );
    expect(sequences.map((row) => row.name)).toEqual(['orders.order_number_seq']);
  });

  it('number orders from TA-100001 upwards', async () => {
    const connection = orm().em.fork().getConnection();
    const [row] = await connection.execute<Array<{ number: string }>>(
      `select ('TA-'::text || nextval('orders.order_number_seq'::regclass)) as number`,
    );
    expect(row?.number).toBe('TA-100001');
  });
});
