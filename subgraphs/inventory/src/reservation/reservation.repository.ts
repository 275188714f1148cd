import type { EntityManager } from '@mikro-orm/postgresql';
import { TABLES } from '../database';
import { SNAPSHOT_RETURNING, snapshotsOf, type SnapshotRow, type WarehouseStockSnapshot } from '../stock/warehouse-stock-changed.event';
import type { Allocation } from './allocation';
import { ReservationStatus } from './reservation-status';

const R = TABLES.stockReservation;
const LINE = TABLES.stockReservationLine;
const LEVEL = TABLES.stockLevel;
const WAREHOUSE = TABLES.warehouse;

/**
 * The reservation tables and the stock-row updates a reservation makes, as conditional statements run in the
 * caller's transaction (a consumer's `handleOnce`). Never read-modify-write: each statement says which state it
 * moves from, and the caller learns from the row count whether it did.
 */
export class ReservationRepository {
  constructor(private readonly tx: EntityManager) {}

  /**
   * Inserts the order's ACTIVE reservation; false when the order already has a row (reserved before, committed,
   * released, or its tombstone). An insert of the same order in flight elsewhere is waited for (primary key).
   */
  async claim(orderId: string, expiresAt: Date): Promise<boolean> {
    return this.changed(
      `insert into ${R} (order_id, status, expires_at, created_at, updated_at)
       values (?, '${ReservationStatus.ACTIVE}', ?::timestamptz, now(), now()) on conflict (order_id) do nothing`,
      [orderId, expiresAt.toISOString()],
    );
  }

  /** Inserts the RELEASED row without lines that makes a late order-placed reserve nothing; false when a row exists. */
  async insertTombstone(orderId: string): Promise<boolean> {
    return this.changed(
      `insert into ${R} (order_id, status, expires_at, created_at, updated_at)
       values (?, '${ReservationStatus.RELEASED}', null, now(), now()) on conflict (order_id) do nothing`,
      [orderId],
    );
  }

  /** Takes back a row {@link claim} inserted in this transaction, when the stock could not cover the order. */
  async unclaim(orderId: string): Promise<void> {
    await this.tx.execute(`delete from ${R} where order_id = ? and status = '${ReservationStatus.ACTIVE}'`, [orderId], 'run');
  }

  /** ACTIVE → `to`, with a lock on the row; false when the reservation is not ACTIVE (or does not exist). */
  async settle(orderId: string, to: ReservationStatus.COMMITTED | ReservationStatus.RELEASED): Promise<boolean> {
    return this.changed(
      `update ${R} set status = ?, updated_at = now() where order_id = ? and status = '${ReservationStatus.ACTIVE}'`,
      [to, orderId],
    );
  }

  async statusOf(orderId: string): Promise<ReservationStatus | null> {
    const [row] = await this.tx.execute<Array<{ status: ReservationStatus }>>(`select status from ${R} where order_id = ?`, [orderId]);
    return row?.status ?? null;
  }

  async insertLines(orderId: string, allocations: ReadonlyArray<Allocation>): Promise<void> {
    if (allocations.length === 0) return;
    await this.tx.execute(
      `insert into ${LINE} (order_id, product_id, warehouse_id, quantity)
       values ${allocations.map(() => '(?, ?, ?, ?)').join(', ')}`,
      allocations.flatMap((line) => [orderId, line.productId, line.warehouseId, line.quantity]),
      'run',
    );
  }

  /** The order's lines, ordered by product id then warehouse id. */
  async linesOf(orderId: string): Promise<Allocation[]> {
    const rows = await this.tx.execute<Array<{ product_id: string; warehouse_id: string; quantity: number }>>(
      `select product_id, warehouse_id, quantity from ${LINE} where order_id = ? order by product_id, warehouse_id`,
      [orderId],
    );
    return rows.map((row) => ({ productId: row.product_id, warehouseId: row.warehouse_id, quantity: row.quantity }));
  }

  /**
   * `reserved += quantity` on each allocation's row, guarded by `on_hand - reserved >= quantity`. Returns the rows
   * it changed, as they are now (issue #14: each one's `warehouse-stock-changed`, at no extra statement): fewer
   * than the allocations means one could not be covered.
   */
  async holdUnits(allocations: ReadonlyArray<Allocation>): Promise<WarehouseStockSnapshot[]> {
    return this.changedRows(
      `update ${LEVEL} level set reserved = level.reserved + wanted.quantity, updated_at = now()
       from (values ${allocations.map(() => '(?::uuid, ?::uuid, ?::int)').join(', ')}) as wanted (product_id, warehouse_id, quantity), ${WAREHOUSE} warehouse
       where level.product_id = wanted.product_id and level.warehouse_id = wanted.warehouse_id and warehouse.id = level.warehouse_id
         and level.on_hand - level.reserved >= wanted.quantity
       ${SNAPSHOT_RETURNING}`,
      allocations.flatMap((line) => [line.productId, line.warehouseId, line.quantity]),
    );
  }

  /** `reserved -= quantity` for each line of the order (a release); returns the rows changed, as they are now. */
  async returnUnits(orderId: string): Promise<WarehouseStockSnapshot[]> {
    return this.changedRows(
      `update ${LEVEL} level set reserved = level.reserved - line.quantity, updated_at = now()
       from ${LINE} line, ${WAREHOUSE} warehouse
       where line.order_id = ? and level.product_id = line.product_id and level.warehouse_id = line.warehouse_id
         and warehouse.id = level.warehouse_id and level.reserved >= line.quantity
       ${SNAPSHOT_RETURNING}`,
      [orderId],
    );
  }

  /**
   * `on_hand -= quantity` and `reserved -= quantity` for each line of the order (a commit); returns the rows
   * changed, as they are now.
   */
  async shipUnits(orderId: string): Promise<WarehouseStockSnapshot[]> {
    return this.changedRows(
      `update ${LEVEL} level set on_hand = level.on_hand - line.quantity, reserved = level.reserved - line.quantity, updated_at = now()
       from ${LINE} line, ${WAREHOUSE} warehouse
       where line.order_id = ? and level.product_id = line.product_id and level.warehouse_id = line.warehouse_id
         and warehouse.id = level.warehouse_id and level.reserved >= line.quantity
       ${SNAPSHOT_RETURNING}`,
      [orderId],
    );
  }

  private async changedRows(sql: string, params: unknown[]): Promise<WarehouseStockSnapshot[]> {
    return snapshotsOf(await this.tx.execute<SnapshotRow[]>(sql, params));
  }

  private async changed(sql: string, params: unknown[]): Promise<boolean> {
    return (await this.count(sql, params)) > 0;
  }

  private async count(sql: string, params: unknown[]): Promise<number> {
    const result = await this.tx.execute<{ affectedRows: number }>(sql, params, 'run');
    return result.affectedRows;
  }
}
