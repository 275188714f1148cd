import { itKeepsMigrationsAndEntitiesInStep, migratedTestOrm } from '@techally/testing';
import { createInventoryOrm } from '../../database';

const WAREHOUSE_ID = '5b0e7c1a-3f2d-4e8b-9a61-7d2c0000aaaa';
const PRODUCT_ID = '11111111-2222-4333-8444-555555555555';

const orm = migratedTestOrm((database) => createInventoryOrm({ databaseUrl: database.url, poolMax: database.poolMax }));

beforeAll(async () => {
  await execute(`insert into inventory.warehouse (id, code, name, city, country) values (?, 'TST-1', 'Test', 'Leeds', 'GB')`, [WAREHOUSE_ID]);
});

function execute(sql: string, params: unknown[] = []): Promise<unknown> {
  return orm().em.fork().getConnection().execute(sql, params);
}

const ROLLBACK = new Error('rollback: the statement succeeded');

/**
 * The name of the constraint a statement violates (null when it succeeds), e.g. "stock_level_on_hand_check".
 * Always rolled back, so each case starts from the same rows.
 */
async function violatedConstraint(sql: string, params: unknown[]): Promise<string | null> {
  try {
    await orm().em.fork().transactional(async (em) => {
      await em.execute(sql, params);
      throw ROLLBACK;
    });
  } catch (error) {
    if (error === ROLLBACK) return null;
    return String((error as { constraint?: string }).constraint ?? (error as Error).message);
  }
  throw new Error('unreachable: the transaction always throws');
}

describe('the committed migrations', () => {
  itKeepsMigrationsAndEntitiesInStep(orm);

  it('keep every table in the inventory schema', async () => {
    const rows = (await execute(
      `select table_schema, table_name from information_schema.tables
       where table_name in ('warehouse', 'stock_level', 'stock_adjustment', 'stock_reservation', 'stock_reservation_line', 'outbox', 'inbox')`,
    )) as Array<{ table_schema: string; table_name: string }>;
    expect(rows.map((row) => `${row.table_schema}.${row.table_name}`).sort()).toEqual([
      'inventory.inbox',
      'inventory.outbox',
      'inventory.stock_adjustment',
      'inventory.stock_level',
      'inventory.stock_reservation',
      'inventory.stock_reservation_line',
      'inventory.warehouse',
    ]);
  });

  it('wake the outbox relay: an outbox insert notifies the inventory schema', async () => {
    const [trigger] = (await execute(
      `select tgname from pg_trigger where tgrelid = 'inventory.outbox'::regclass and not tgisinternal`,
    )) as Array<{ tgname: string }>;
    expect(trigger?.tgname).toBe('outbox_notify');
  });
});

describe('the database itself refuses impossible stock', () => {
  const insertLevel = `insert into inventory.stock_level (product_id, warehouse_id, on_hand, reserved, updated_at) values (?, ?, ?, ?, now())`;

  it('accepts a row with reserved within on hand', async () => {
    expect(await violatedConstraint(insertLevel, [PRODUCT_ID, WAREHOUSE_ID, 5, 5])).toBeNull();
  });

  it('refuses negative on-hand stock', async () => {
    expect(await violatedConstraint(insertLevel, [PRODUCT_ID, WAREHOUSE_ID, -1, 0])).toBe('stock_level_on_hand_check');
  });

  it('refuses a negative reservation', async () => {
    expect(await violatedConstraint(insertLevel, [PRODUCT_ID, WAREHOUSE_ID, 3, -1])).toBe('stock_level_reserved_check');
  });

  it('refuses reserving more than is on hand', async () => {
    expect(await violatedConstraint(insertLevel, [PRODUCT_ID, WAREHOUSE_ID, 3, 4])).toBe('stock_level_reserved_within_on_hand_check');
  });

  it('refuses a second row for the same product and warehouse', async () => {
    expect(
      await violatedConstraint(`${insertLevel}, (?, ?, 2, 0, now())`, [PRODUCT_ID, WAREHOUSE_ID, 1, 0, PRODUCT_ID, WAREHOUSE_ID]),
    ).toBe('stock_level_pkey');
  });

  it('refuses stock in a warehouse that does not exist', async () => {
    expect(await violatedConstraint(insertLevel, [PRODUCT_ID, '5b0e7c1a-3f2d-4e8b-9a61-7d2c0000ffff', 1, 0])).toBe(
      'stock_level_warehouse_id_foreign',
    );
  });

  it('refuses two warehouses with one code', async () => {
    expect(
      await violatedConstraint(`insert into inventory.warehouse (id, code, name, city, country) values (gen_random_uuid(), 'TST-1', 'Again', 'York', 'GB')`, []),
    ).toBe('warehouse_code_unique');
  });

  const ORDER_ID = '99999999-2222-4333-8444-555555555555';
  const insertReservation = `insert into inventory.stock_reservation (order_id, status, expires_at, created_at, updated_at) values (?, ?, ?, now(), now())`;
  const insertLine = `insert into inventory.stock_reservation_line (order_id, product_id, warehouse_id, quantity) values (?, ?, ?, ?)`;

  it('accepts an active reservation with an expiry, and a tombstone without one', async () => {
    expect(await violatedConstraint(insertReservation, [ORDER_ID, 'ACTIVE', '2026-12-01T00:00:00Z'])).toBeNull();
    expect(await violatedConstraint(insertReservation, [ORDER_ID, 'RELEASED', null])).toBeNull();
  });

  it('refuses an active reservation without an expiry', async () => {
    expect(await violatedConstraint(insertReservation, [ORDER_ID, 'ACTIVE', null])).toBe('stock_reservation_expiry_check');
  });

  it('refuses a reservation status outside ACTIVE, COMMITTED, RELEASED', async () => {
    expect(await violatedConstraint(insertReservation, [ORDER_ID, 'SHIPPED', null])).toBe('stock_reservation_status_check');
  });

  it('refuses a reservation line of no units', async () => {
    const withReservation = (quantity: number) =>
      violatedConstraint(
        `with reservation as (${insertReservation} returning order_id)
         insert into inventory.stock_reservation_line (order_id, product_id, warehouse_id, quantity) select order_id, ?, ?, ? from reservation`,
        [ORDER_ID, 'ACTIVE', '2026-12-01T00:00:00Z', PRODUCT_ID, WAREHOUSE_ID, quantity],
      );
    expect(await withReservation(1)).toBeNull();
    expect(await withReservation(0)).toBe('stock_reservation_line_quantity_check');
  });

  it('refuses a reservation line of an order without a reservation', async () => {
    expect(await violatedConstraint(insertLine, [ORDER_ID, PRODUCT_ID, WAREHOUSE_ID, 1])).toBe('stock_reservation_line_order_id_foreign');
  });

  it('refuses an adjustment of zero units', async () => {
    expect(
      await violatedConstraint(
        `insert into inventory.stock_adjustment (id, product_id, warehouse_id, delta, reason, on_hand_after, created_at) values (gen_random_uuid(), ?, ?, 0, 'CORRECTION', 0, now())`,
        [PRODUCT_ID, WAREHOUSE_ID],
      ),
    ).toBe('stock_adjustment_delta_check');
  });
});
