import { createEvent, type EventEnvelope, type EventMetadata, type WarehouseStockChangedV1 } from '@techally/events';

/** One stock row as the statement that changed it returned it (under its lock, in the change's transaction). */
export interface WarehouseStockSnapshot {
  readonly productId: string;
  readonly warehouseId: string;
  readonly warehouseCode: string;
  readonly onHand: number;
  readonly reserved: number;
}

/** The columns a stock-row UPDATE returns for {@link snapshotOf}; `warehouse` is the warehouse table joined in. */
export const SNAPSHOT_RETURNING = 'returning level.product_id, level.warehouse_id, warehouse.code as warehouse_code, level.on_hand, level.reserved';

export interface SnapshotRow {
  product_id: string;
  warehouse_id: string;
  warehouse_code: string;
  on_hand: number;
  reserved: number;
}

/** The snapshots of returned rows, ordered by product id then warehouse id (the order the events are written in). */
export function snapshotsOf(rows: ReadonlyArray<SnapshotRow>): WarehouseStockSnapshot[] {
  return rows
    .map((row) => ({
      productId: row.product_id,
      warehouseId: row.warehouse_id,
      warehouseCode: row.warehouse_code,
      onHand: row.on_hand,
      reserved: row.reserved,
    }))
    .sort((a, b) => (a.productId === b.productId ? compare(a.warehouseId, b.warehouseId) : compare(a.productId, b.productId)));
}

/**
 * `inventory.warehouse-stock-changed.v1` (issue #14): one product's stock in one warehouse after a change, for
 * per-warehouse stock on hand (analytics) and low-stock alerts (notifications). A snapshot, not a delta: written
 * in the transaction that changed the row, under its lock, so the newest `occurredAt` is the row's last state.
 */
export function warehouseStockChangedEvent(
  snapshot: WarehouseStockSnapshot,
  metadata: EventMetadata = {},
): EventEnvelope<'inventory.warehouse-stock-changed.v1', WarehouseStockChangedV1> {
  const { productId, warehouseId, warehouseCode, onHand, reserved } = snapshot;
  return createEvent(
    'inventory.warehouse-stock-changed.v1',
    productId,
    { productId, warehouseId, warehouseCode, onHand, reserved, available: onHand - reserved },
    metadata,
  );
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
