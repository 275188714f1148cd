import { DomainError } from '@techally/platform';
import { TABLES } from '../database';
import type { SqlExecutor } from '../sales/sales-facts';
import { productKey, warehouseKey } from '../sales/keys.type';
import { LowStockProduct, LowStockWarehouse } from './low-stock.type';

interface LevelRow {
  product_id: string;
  warehouse_id: string;
  warehouse_code: string;
  on_hand: number;
  reserved: number;
  available: number;
  as_of: string;
}

/**
 * Stock on hand from the read model (`inventory.warehouse-stock-changed.v1`, newest per product × warehouse):
 * the products at or below a threshold, least available first, with their warehouses. One statement.
 */
export class StockLevelsService {
  constructor(private readonly sql: SqlExecutor) {}

  async lowStock(threshold: number, first: number): Promise<LowStockProduct[]> {
    if (!Number.isInteger(threshold) || threshold < 0 || threshold > 1_000_000) {
      throw DomainError.badUserInput(`"threshold" must be a whole number from 0 to 1000000, got ${threshold}.`, 'threshold');
    }
    if (!Number.isInteger(first) || first < 1 || first > 100) {
      throw DomainError.badUserInput(`"first" must be a whole number from 1 to 100, got ${first}.`, 'first');
    }
    const rows: LevelRow[] = await this.sql.execute(
      `with low as (
         select "product_id", sum("available") as "available" from ${TABLES.stock}
         group by "product_id" having sum("available") <= ? order by sum("available"), "product_id" limit ?
       )
       select s."product_id", s."warehouse_id", s."warehouse_code", s."on_hand", s."reserved", s."available",
              to_char(s."as_of" at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "as_of"
       from low join ${TABLES.stock} s on s."product_id" = low."product_id"
       order by low."available", s."product_id", s."available", s."warehouse_code"`,
      [threshold, first],
    );
    const products = new Map<string, LowStockProduct>();
    for (const row of rows) {
      let product = products.get(row.product_id);
      if (!product) {
        product = Object.assign(new LowStockProduct(), { product: productKey(row.product_id), available: 0, onHand: 0, reserved: 0, warehouses: [] });
        products.set(row.product_id, product);
      }
      product.available += row.available;
      product.onHand += row.on_hand;
      product.reserved += row.reserved;
      product.warehouses.push(
        Object.assign(new LowStockWarehouse(), {
          warehouse: warehouseKey(row.warehouse_id),
          warehouseCode: row.warehouse_code,
          onHand: row.on_hand,
          reserved: row.reserved,
          available: row.available,
          asOf: row.as_of,
        }),
      );
    }
    return [...products.values()];
  }
}
