import type { EntityManager } from '@mikro-orm/postgresql';
import { TABLES } from '../database';

/** One stock figure as an event told it: in one warehouse, or (warehouseId null) over every warehouse. */
export interface StockFigure {
  readonly productId: string;
  readonly warehouseId: string | null;
  readonly warehouseCode: string | null;
  readonly available: number;
  readonly occurredAt: Date;
}

/** What a figure changed: whether it is newer than the one on record, and whether it just fell below. */
export interface StockObservation {
  /** False for a duplicate or an event older than the figure on record: nothing changed. */
  readonly applied: boolean;
  /** The figure crossed below its threshold with this event (or was first seen below it): tell staff, once. */
  readonly crossedBelow: boolean;
}

/**
 * The last stock figure per product and warehouse (`notifications.stock_watch`), and whether its current dip
 * below the threshold has been told (`alerted`). A snapshot wins only if it happened later than the one on
 * record, so duplicates and late events change nothing; `alerted` is what makes a dip ONE alert however many
 * sales follow, and rising back to or above the threshold clears it (re-arms).
 */
export class StockWatch {
  constructor(private readonly em: EntityManager) {}

  /** Records `figure` against `threshold` (low: available < threshold). Call inside the event's transaction. */
  async observe(figure: StockFigure, threshold: number): Promise<StockObservation> {
    const low = figure.available < threshold;
    const inserted = await this.em.execute<Array<{ alerted: boolean }>>(
      `insert into ${TABLES.stockWatch} ("product_id", "warehouse_id", "warehouse_code", "available", "as_of", "alerted")
       values (?, ?, ?, ?, ?, ?) on conflict on constraint "stock_watch_scope_unique" do nothing returning "alerted"`,
      [figure.productId, figure.warehouseId, figure.warehouseCode, figure.available, figure.occurredAt, low],
    );
    if (inserted.length > 0) return { applied: true, crossedBelow: low };
    // Known already: lock its row (a concurrent event of the same scope waits for this one's commit), then compare.
    const [known] = await this.em.execute<Array<{ asOf: Date | string; alerted: boolean }>>(
      `select "as_of" as "asOf", "alerted" from ${TABLES.stockWatch}
       where "product_id" = ? and "warehouse_id" is not distinct from ? for update`,
      [figure.productId, figure.warehouseId],
    );
    if (!known || new Date(known.asOf).getTime() >= figure.occurredAt.getTime()) return { applied: false, crossedBelow: false };
    await this.em.execute(
      `update ${TABLES.stockWatch} set "available" = ?, "as_of" = ?, "alerted" = ?, "warehouse_code" = coalesce(?, "warehouse_code")
       where "product_id" = ? and "warehouse_id" is not distinct from ?`,
      [figure.available, figure.occurredAt, low, figure.warehouseCode, figure.productId, figure.warehouseId],
      'run',
    );
    return { applied: true, crossedBelow: low && !known.alerted };
  }

  /** Whether any warehouse's figure of the product is known (then the per-warehouse alerts speak for it). */
  async knowsWarehousesOf(productId: string): Promise<boolean> {
    const rows = await this.em.execute<unknown[]>(
      `select 1 from ${TABLES.stockWatch} where "product_id" = ? and "warehouse_id" is not null limit 1`,
      [productId],
    );
    return rows.length > 0;
  }
}
