import { randomUUID } from 'node:crypto';
import type { Logger, SubgraphOrm } from '@techally/platform';
import { StockAdjustment } from '../stock/stock-adjustment.entity';
import { StockAdjustmentReason } from '../stock/stock-adjustment-reason';
import { StockLevel } from '../stock/stock-level.entity';
import { Warehouse } from '../warehouse/warehouse.entity';
import { DEMO_WAREHOUSES, generateDemoStock } from './demo-stock';

/** Any constant works; it only has to be the same for every process that may seed this database. */
const SEED_LOCK_KEY = 0x696e_7674; // "invt"

/**
 * Loads the demo warehouses and stock into an empty inventory schema; does nothing when any warehouse exists
 * (stock someone has started managing is never topped up). One transaction, three multi-row inserts:
 * warehouses, stock rows, and the opening RECEIVED adjustment of every non-zero row, so the audit trail
 * accounts for all stock on hand. A transaction-scoped advisory lock makes two processes seeding at once
 * harmless: the second waits, then finds the warehouses there.
 */
export async function seedInventory(orm: SubgraphOrm, logger?: Logger): Promise<void> {
  const seeded = await orm.em.fork().transactional(async (em) => {
    await em.execute('select pg_advisory_xact_lock(?)', [SEED_LOCK_KEY]);
    if ((await em.count(Warehouse)) > 0) return null;
    const levels = generateDemoStock();
    const now = new Date();
    await em.insertMany(Warehouse, DEMO_WAREHOUSES.map((warehouse) => ({ ...warehouse, active: true })));
    await em.insertMany(
      StockLevel,
      levels.map((level) => ({ productId: level.productId, warehouse: level.warehouseId, onHand: level.onHand, reserved: 0, updatedAt: now })),
    );
    const received = levels.filter((level) => level.onHand > 0);
    await em.insertMany(
      StockAdjustment,
      received.map((level) => ({
        id: randomUUID(),
        productId: level.productId,
        warehouse: level.warehouseId,
        delta: level.onHand,
        reason: StockAdjustmentReason.RECEIVED,
        note: 'Opening stock (demo data)',
        actorId: null,
        onHandAfter: level.onHand,
        createdAt: now,
      })),
    );
    return { warehouses: DEMO_WAREHOUSES.length, stockLevels: levels.length, adjustments: received.length };
  });
  if (seeded) logger?.info(seeded, 'seeded the demo stock');
}
