import { itKeepsMigrationsAndEntitiesInStep, migratedTestOrm } from '@techally/testing';
import { createOrdersOrm } from '../../database';

const orm = migratedTestOrm((database) => createOrdersOrm({ databaseUrl: database.url, poolMax: database.poolMax }));

describe('the committed migrations', () => {
  itKeepsMigrationsAndEntitiesInStep(orm);

  it('keep every table and the order-number sequence in the orders schema', async () => {
    const connection = orm().em.fork().getConnection();
    const tables = await connection.execute<Array<{ name: string }>>(
      `select table_schema || '.' || table_name as name from information_schema.tables
       where table_name in ('order', 'order_item', 'order_status_change', 'outbox', 'inbox') order by name`,
    );
    expect(tables.map((row) => row.name)).toEqual([
      'orders.inbox',
      'orders.order',
      'orders.order_item',
      'orders.order_status_change',
      'orders.outbox',
    ]);
    const sequences = await connection.execute<Array<{ name: string }>>(
      `select sequence_schema || '.' || sequence_name as name from information_schema.sequences where sequence_name = 'order_number_seq'`,
    );
    expect(sequences.map((row) => row.name)).toEqual(['orders.order_number_seq']);
  });

  it('index only unpaid orders for the expiry sweeper, and keep a cancellation reason to CANCELLED orders', async () => {
    const connection = orm().em.fork().getConnection();
    const [index] = await connection.execute<Array<{ definition: string }>>(
      `select indexdef as definition from pg_indexes where schemaname = 'orders' and indexname = 'order_awaiting_payment_due_index'`,
    );
    expect(index?.definition).toMatch(/\(status, payment_due_at\) WHERE \(status = 'AWAITING_PAYMENT'::text\)$/);
    await expect(
      connection.execute(`insert into orders."order" (id, number, customer_id, status, currency, subtotal, shipping, tax, total,
        shipping_full_name, shipping_line1, shipping_city, shipping_postal_code, shipping_country, idempotency_key,
        request_hash, placed_at, updated_at, cancellation_reason)
        values (gen_random_uuid(), 'TA-CHECK', gen_random_uuid(), 'PAID', 'USD', 0, 0, 0, 0, 'N', 'L', 'C', 'P', 'US', 'k-check',
        repeat('0', 64), now(), now(), 'OUT_OF_STOCK')`),
    ).rejects.toThrow(/order_cancellation_reason_check/);
  });

  it('number orders from TA-100001 upwards', async () => {
    const connection = orm().em.fork().getConnection();
    const [row] = await connection.execute<Array<{ number: string }>>(
      `select ('TA-'::text || nextval('orders.order_number_seq'::regclass)) as number`,
    );
    expect(row?.number).toBe('TA-100001');
  });
});
