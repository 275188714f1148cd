import type { EntityManager } from '@mikro-orm/postgresql';
import { TABLES } from '../database';

/** The largest threshold taken: more units than any warehouse holds; a larger number is a typo. */
export const MAX_LOW_STOCK_THRESHOLD = 1_000_000;

/** A threshold an administrator set: for a product in one warehouse, or (warehouseId null) for the product. */
export interface LowStockThresholdRow {
  readonly productId: string;
  readonly warehouseId: string | null;
  readonly threshold: number;
  readonly updatedAt: Date;
}

type RawRow = Omit<LowStockThresholdRow, 'updatedAt'> & { updatedAt: Date | string };

const COLUMNS = `"product_id" as "productId", "warehouse_id" as "warehouseId", "threshold", "updated_at" as "updatedAt"`;

function rowOf(raw: RawRow): LowStockThresholdRow {
  return { ...raw, updatedAt: new Date(raw.updatedAt) };
}

/** The administrators' thresholds (`notifications.low_stock_threshold`); plain SQL like the rest of the schema. */
export class LowStockThresholds {
  constructor(private readonly em: EntityManager) {}

  /** Sets (or replaces) the threshold of a product, or of a product in one warehouse. */
  async set(scope: { productId: string; warehouseId: string | null }, threshold: number, by: string): Promise<LowStockThresholdRow> {
    const [row] = await this.em.execute<RawRow[]>(
      `insert into ${TABLES.lowStockThreshold} ("product_id", "warehouse_id", "threshold", "updated_by", "updated_at") values (?, ?, ?, ?, now())
       on conflict on constraint "low_stock_threshold_scope_unique"
       do update set "threshold" = excluded."threshold", "updated_by" = excluded."updated_by", "updated_at" = excluded."updated_at"
       returning ${COLUMNS}`,
      [scope.productId, scope.warehouseId, threshold, by],
    );
    return rowOf(row!);
  }

  /**
   * Removes the threshold of a product (warehouseId null: the product's own) or of a product in one warehouse, so
   * the next one down applies again (the product's own, then the default). False when there was none.
   */
  async remove(scope: { productId: string; warehouseId: string | null }): Promise<boolean> {
    const removed = await this.em.execute<Array<{ productId: string }>>(
      `delete from ${TABLES.lowStockThreshold} where "product_id" = ? and "warehouse_id" is not distinct from ?
       returning "product_id" as "productId"`,
      [scope.productId, scope.warehouseId],
    );
    return removed.length > 0;
  }

  /** Every threshold set (or one product's), by product, the product's own before its warehouses'. */
  async list(productId: string | null = null): Promise<LowStockThresholdRow[]> {
    const where = productId === null ? '' : `where "product_id" = ?`;
    const rows = await this.em.execute<RawRow[]>(
      `select ${COLUMNS} from ${TABLES.lowStockThreshold} ${where} order by "product_id", "warehouse_id" nulls first`,
      productId === null ? [] : [productId],
    );
    return rows.map(rowOf);
  }

  /**
   * The threshold that applies: the product's in that warehouse, else the product's, else `fallback` (the
   * configured default). For the product-wide figure (warehouseId null) only the product's or the default.
   */
  async thresholdFor(productId: string, warehouseId: string | null, fallback: number): Promise<number> {
    const [row] = await this.em.execute<Array<{ threshold: number }>>(
      `select "threshold" from ${TABLES.lowStockThreshold}
       where "product_id" = ? and ("warehouse_id" is null or "warehouse_id" = ?)
       order by "warehouse_id" nulls last limit 1`,
      [productId, warehouseId],
    );
    return row?.threshold ?? fallback;
  }
}
