import { randomUUID } from 'node:crypto';
import { createInMemoryEventBus, type AnyEventEnvelope } from '@techally/events';
import { TABLES } from '../database';
import { SalesRollup } from '../sales/sales-rollup';
import { orderEvents, productEvent, startAnalytics, stockEvent, type AnalyticsUnderTest } from './support/analytics-test-subgraph';

/** The products, categories and warehouses of one copy of the history (each spec's copy has ids of its own). */
function cast() {
  return { KEYBOARD: randomUUID(), MOUSE: randomUUID(), CABLE: randomUUID(), PERIPHERALS: randomUUID(), ACCESSORIES: randomUUID(), LONDON: randomUUID(), LEEDS: randomUUID() };
}
type Cast = ReturnType<typeof cast>;
const MAY_CAST = cast();
const { KEYBOARD, MOUSE, CABLE, PERIPHERALS, ACCESSORIES, LONDON, LEEDS } = MAY_CAST;

let analytics: AnalyticsUnderTest;
const bus = createInMemoryEventBus();

beforeAll(async () => {
  analytics = await startAnalytics(bus);
});

afterAll(async () => {
  await analytics?.stop();
  await bus.close();
});

/**
 * A month of 2026 (May unless told): the keyboard is a peripheral until the 10th, an accessory from then on; the mouse a peripheral, the
 * cable's category is never told. Orders are priced per line, reserved in two warehouses, one refunded in part.
 */
function history(month = '05', { KEYBOARD, MOUSE, CABLE, PERIPHERALS, ACCESSORIES, LONDON, LEEDS }: Cast = MAY_CAST): AnyEventEnvelope[] {
  const day = (d: string) => `2026-${month}-${d}`;
  return [
    productEvent(KEYBOARD, PERIPHERALS, '2026-01-01T00:00:00.000Z', true),
    productEvent(MOUSE, PERIPHERALS, '2026-01-01T00:00:00.000Z', true),
    productEvent(KEYBOARD, ACCESSORIES, `${day('10')}T00:00:00.000Z`),
    // Keyboard 70.00 + 2 mice at 10.00: 90.00, the keyboard from London, the mice one from each warehouse.
    ...orderEvents(day('04'), [{ productId: KEYBOARD, quantity: 1, unitPrice: 7000, name: 'Keyboard, "Pro"' }, { productId: MOUSE, quantity: 2, unitPrice: 1000 }], 9000, 'paid', {
      allocations: [
        { productId: KEYBOARD, warehouseId: LONDON, quantity: 1 },
        { productId: MOUSE, warehouseId: LONDON, quantity: 1 },
        { productId: MOUSE, warehouseId: LEEDS, quantity: 1 },
      ],
      refund: 1000,
    }),
    // After the keyboard moved category; no prices on the event (split by units), nothing allocated.
    ...orderEvents(day('12'), [{ productId: KEYBOARD, quantity: 1 }, { productId: CABLE, quantity: 1 }], 5000, 'paid', { refund: 'whole' }),
    ...orderEvents(day('12'), [{ productId: MOUSE, quantity: 1 }], 1000, { cancelled: 'OUT_OF_STOCK' }, { allocations: [{ productId: MOUSE, warehouseId: LEEDS, quantity: 1 }] }),
  ];
}

const MAY = { from: '2026-05-01', to: '2026-05-31', granularity: 'MONTH' };

/** Every grouping of one month's reports, its ids named by their role and its dates without the month. */
async function allReports(month: string, ids: Cast) {
  const range = { from: `2026-${month}-01`, to: `2026-${month}-30`, granularity: 'MONTH' };
  const named = (rows: unknown[]) =>
    rows
      .map((row) => {
        let text = JSON.stringify(row).replaceAll(`2026-${month}-`, '2026-MM-');
        for (const [role, id] of Object.entries(ids)) text = text.replaceAll(id, role);
        return text;
      })
      .sort();
  const reports: Record<string, string[]> = {};
  for (const groupBy of ['NONE', 'PRODUCT', 'CATEGORY', 'WAREHOUSE']) reports[groupBy] = named(await analytics.rows({ ...range, groupBy }));
  for (const groupBy of ['NONE', 'CATEGORY', 'WAREHOUSE']) reports[`${groupBy}-days`] = named(await analytics.rows({ ...range, granularity: 'DAY', groupBy }));
  return reports;
}

describe('the read model by category, warehouse and product', () => {
  it('attributes sales to the category at placement, the reserving warehouse and the line price, with refunds', async () => {
    for (const envelope of history()) await analytics.deliver(envelope);
    const keyed = (rows: Array<Record<string, unknown>>, field: string) =>
      Object.fromEntries(rows.map((row) => [(row[field] as { id: string } | null)?.id ?? 'unknown', row]));

    const byCategory = keyed(await analytics.rows({ ...MAY, groupBy: 'CATEGORY' }), 'category');
    expect(byCategory[PERIPHERALS]).toMatchObject({ ordersPlaced: 2, ordersPaid: 1, units: 3, revenue: { amount: 9000 }, ordersCancelled: 1, refunds: 1, refunded: { amount: 1000 } });
    expect(byCategory[ACCESSORIES]).toMatchObject({ ordersPlaced: 1, ordersPaid: 1, units: 1, revenue: { amount: 2500 }, refunds: 1, refunded: { amount: 2500 } });
    expect(byCategory['unknown']).toMatchObject({ ordersPaid: 1, units: 1, revenue: { amount: 2500 } });

    const byWarehouse = keyed(await analytics.rows({ ...MAY, groupBy: 'WAREHOUSE' }), 'warehouse');
    expect(byWarehouse[LONDON]).toMatchObject({ ordersPaid: 1, units: 2, revenue: { amount: 8000 } });
    expect(byWarehouse[LEEDS]).toMatchObject({ ordersPlaced: 2, ordersPaid: 1, units: 1, revenue: { amount: 1000 }, cancellationsByReason: [{ reason: 'OUT_OF_STOCK', orders: 1 }] });
    expect(byWarehouse['unknown']).toMatchObject({ ordersPaid: 1, units: 2, revenue: { amount: 5000 } });

    const byProduct = keyed(await analytics.rows({ ...MAY, groupBy: 'PRODUCT' }), 'product');
    expect(byProduct[KEYBOARD]).toMatchObject({ units: 2, revenue: { amount: 9500 } });
    expect(byProduct[MOUSE]).toMatchObject({ units: 2, revenue: { amount: 2000 } });

    const [whole] = await analytics.rows(MAY);
    expect(whole).toMatchObject({ ordersPlaced: 3, ordersPaid: 2, revenue: { amount: 14000 }, refunds: 2, refunded: { amount: 6000 }, averageOrderValue: { amount: 7000 } });
  });

  it('converges whatever the order, the duplicates and the repeats of the events, and agrees with a rollup recomputed from scratch', async () => {
    // June in order, July backwards with every event twice: the same figures (each month its own ids).
    const [june, july] = [cast(), cast()];
    for (const envelope of history('06', june)) await analytics.deliver(envelope);
    for (const envelope of history('07', july).reverse()) {
      await analytics.deliver(envelope);
      await analytics.deliver(envelope);
    }
    const inOrder = await allReports('06', june);
    expect(await allReports('07', july)).toEqual(inOrder);
    // The incremental rollup is exactly what recomputing it from the facts gives.
    await new SalesRollup(analytics.subgraph.orm.em.getConnection(), TABLES).refreshAll();
    expect(await allReports('06', june)).toEqual(inOrder);
    expect(await allReports('07', july)).toEqual(inOrder);
  });

  it('lists low stock from the newest snapshot per product and warehouse, least available first', async () => {
    const events = [
      stockEvent(KEYBOARD, LONDON, 'LON-1', 1, '2026-05-20T10:00:00.000Z'),
      stockEvent(KEYBOARD, LEEDS, 'LDS-1', 2, '2026-05-20T10:00:00.000Z'),
      stockEvent(MOUSE, LONDON, 'LON-1', 40, '2026-05-20T10:00:00.000Z'),
      // An older snapshot arriving late changes nothing; a newer one replaces.
      stockEvent(KEYBOARD, LONDON, 'LON-1', 90, '2026-05-19T10:00:00.000Z'),
      stockEvent(CABLE, LONDON, 'LON-1', 9, '2026-05-20T10:00:00.000Z'),
      stockEvent(CABLE, LONDON, 'LON-1', 0, '2026-05-21T10:00:00.000Z'),
    ];
    for (const envelope of [...events, ...events]) await analytics.deliver(envelope);
    const response = await analytics.graphql<{ lowStock: Array<Record<string, unknown>> }>(
      `{ lowStock(threshold: 5) { product { id } available onHand reserved warehouses { warehouse { id } warehouseCode available asOf } } }`,
    );
    expect(response.errors).toBeUndefined();
    expect(response.data!.lowStock).toEqual([
      { product: { id: CABLE }, available: 0, onHand: 1, reserved: 1, warehouses: [{ warehouse: { id: LONDON }, warehouseCode: 'LON-1', available: 0, asOf: '2026-05-21T10:00:00.000Z' }] },
      {
        product: { id: KEYBOARD }, available: 3, onHand: 5, reserved: 2,
        warehouses: [
          { warehouse: { id: LONDON }, warehouseCode: 'LON-1', available: 1, asOf: '2026-05-20T10:00:00.000Z' },
          { warehouse: { id: LEEDS }, warehouseCode: 'LDS-1', available: 2, asOf: '2026-05-20T10:00:00.000Z' },
        ],
      },
    ]);
    const first = await analytics.graphql<{ lowStock: unknown[] }>(`{ lowStock(threshold: 5, first: 1) { product { id } } }`);
    expect(first.data!.lowStock).toEqual([{ product: { id: CABLE } }]);
  });

  it('exports the report as CSV: a header, quoted names, decimals, CRLF, no byte order mark', async () => {
    const response = await analytics.graphql<{ salesReportCsv: string }>(
      `query { salesReportCsv(from: "2026-05-01", to: "2026-05-31", granularity: MONTH, groupBy: PRODUCT) }`,
    );
    expect(response.errors).toBeUndefined();
    const csv = response.data!.salesReportCsv;
    expect(csv.charCodeAt(0)).not.toBe(0xfeff);
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe(
      'period_start,product_id,product_name,currency,orders_placed,orders_paid,orders_fulfilled,orders_cancelled,cancellations_by_reason,units,revenue,average_order_value,placed_to_paid_conversion,refunds,refunded',
    );
    expect(lines).toContain(`2026-05-01,${KEYBOARD},"Keyboard, ""Pro""",USD,2,2,2,0,,2,95.00,47.50,1.0000,2,32.78`);
    expect(lines[lines.length - 1]).toBe('');
    expect(csv).not.toMatch(/\r?\n(?<!\r\n)/);
  });

  it('is for administrators only: customers get FORBIDDEN, anonymous callers UNAUTHENTICATED', async () => {
    for (const query of [
      `{ lowStock { available } }`,
      `{ salesReportCsv(from: "2026-05-01", to: "2026-05-31") }`,
      `{ salesReport(from: "2026-05-01", to: "2026-05-31", groupBy: CATEGORY) { rows { units } } }`,
      `mutation { rebuildAnalytics { events } }`,
    ]) {
      expect((await analytics.graphql(query, {}, analytics.customerToken)).errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
      expect((await analytics.graphql(query, {}, '')).errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
    }
  });

  it.each([
    [`{ lowStock(threshold: -1) { available } }`, '"threshold" must be a whole number from 0 to 1000000, got -1.'],
    [`{ lowStock(first: 0) { available } }`, '"first" must be a whole number from 1 to 100, got 0.'],
    [`{ lowStock(first: 101) { available } }`, '"first" must be a whole number from 1 to 100, got 101.'],
    [`{ salesReportCsv(from: "2026-05-31", to: "2026-05-01") }`, '"from" (2026-05-31) must not be after "to" (2026-05-01).'],
  ])('refuses %s with BAD_USER_INPUT', async (query, message) => {
    const response = await analytics.graphql(query);
    expect(response.errors).toEqual([expect.objectContaining({ message, extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) })]);
  });
});
