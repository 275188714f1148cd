import { randomUUID } from 'node:crypto';
import { demoSales, demoShopOpenedAt, generateCatalog } from '@techally/demo-data';
import { appendToOutbox } from '@techally/events';
import type { DemoSeedOptions, Logger, SubgraphOrm } from '@techally/platform';
import { ReservationStatus } from '../reservation/reservation-status';
import { TABLES } from '../database';
import { StockReservation } from '../reservation/stock-reservation.entity';
import { StockAdjustment } from '../stock/stock-adjustment.entity';
import { StockAdjustmentReason } from '../stock/stock-adjustment-reason';
import { StockLevel } from '../stock/stock-level.entity';
import { Warehouse } from '../warehouse/warehouse.entity';
import { warehouseStockChangedEvent } from '../stock/warehouse-stock-changed.event';
import { DEMO_WAREHOUSES, generateDemoStock, shippedFrom } from './demo-stock';

/** Any constant works; it only has to be the same for every process that may seed this database. */
const SEED_LOCK_KEY = 0x696e_7674; // "invt"

/**
 * Loads the demo warehouses and stock into an empty inventory schema; does nothing when any warehouse exists
 * (stock someone has started managing is never topped up). One transaction of a few multi-row inserts: warehouses,
 * stock rows (what is on hand now), the opening RECEIVED adjustment of every row (what is on hand plus what the
 * demo shop's past sales took from it, received before the first sale, so the audit trail and the commits account
 * for all stock), and the past sales' COMMITTED reservations with the warehouse each line shipped from (the orders
 * seed has them PAID; `demoSales` of @techally/demo-data is the one plan). A transaction-scoped advisory lock makes
 * two processes seeding at once harmless: the second waits, then finds the warehouses there.
 *
 * With `publishHistory`, every stock row is announced as `inventory.warehouse-stock-changed.v1` in the same
 * transaction, so stock on hand (analytics) and the low-stock watch (notifications) start from the opening stock.
 */
export async function seedInventory(orm: SubgraphOrm, logger?: Logger, options: DemoSeedOptions = {}): Promise<void> {
  const seeded = await orm.em.fork().transactional(async (em) => {
    await em.execute('select pg_advisory_xact_lock(?)', [SEED_LOCK_KEY]);
    if ((await em.count(Warehouse)) > 0) return null;
    const catalog = generateCatalog();
    const levels = generateDemoStock(catalog);
    const now = new Date();
    const sales = demoSales(now, catalog);
    const shipped = shippedFrom(levels, sales);
    const soldFrom = (level: { productId: string; warehouseId: string }) =>
      shipped.filter((line) => line.productId === level.productId && line.warehouseId === level.warehouseId).reduce((sum, line) => sum + line.quantity, 0);
    await em.insertMany(Warehouse, DEMO_WAREHOUSES.map((warehouse) => ({ ...warehouse, active: true })));
    await em.insertMany(
      StockLevel,
      levels.map((level) => ({ productId: level.productId, warehouse: level.warehouseId, onHand: level.onHand, reserved: 0, updatedAt: now })),
    );
    const received = levels.map((level) => ({ ...level, received: level.onHand + soldFrom(level) })).filter((level) => level.received > 0);
    const openedAt = demoShopOpenedAt(now);
    await em.insertMany(
      StockAdjustment,
      received.map((level) => ({
        id: randomUUID(),
        productId: level.productId,
        warehouse: level.warehouseId,
        delta: level.received,
        reason: StockAdjustmentReason.RECEIVED,
        note: 'Opening stock (demo data)',
        actorId: null,
        onHandAfter: level.received,
        createdAt: openedAt,
      })),
    );
    await em.insertMany(
      StockReservation,
      sales.map((sale) => ({ orderId: sale.orderId, status: ReservationStatus.COMMITTED, expiresAt: sale.payBy, createdAt: sale.placedAt, updatedAt: sale.paidAt })),
    );
    // Raw, as the reservation repository writes its lines (the entity's composite key of references is no insertMany row).
    await em.execute(
      `insert into ${TABLES.stockReservationLine} (order_id, product_id, warehouse_id, quantity) values ${shipped.map(() => '(?, ?, ?, ?)').join(', ')}`,
      shipped.flatMap((line) => [line.orderId, line.productId, line.warehouseId, line.quantity]),
      'run',
    );
    const history = options.publishHistory ? announceStock(levels) : [];
    appendToOutbox(em, history);
    return { warehouses: DEMO_WAREHOUSES.length, stockLevels: levels.length, adjustments: received.length, sales: sales.length, historyEvents: history.length };
  });
  if (seeded) logger?.info(seeded, 'seeded the demo stock');
}

function announceStock(levels: ReturnType<typeof generateDemoStock>) {
  const codes = new Map<string, string>(DEMO_WAREHOUSES.map((warehouse) => [warehouse.id, warehouse.code]));
  return levels.map((level) =>
    warehouseStockChangedEvent({ productId: level.productId, warehouseId: level.warehouseId, warehouseCode: codes.get(level.warehouseId)!, onHand: level.onHand, reserved: 0 }),
  );
}
