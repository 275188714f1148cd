import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { SubgraphOrm } from '@techally/platform';
import { migratedTestOrm } from '@techally/testing';
import { createInventoryOrm } from '../../../database';

/** Three warehouses: two active, one closed (its stock is never sold nor reserved). */
export const WAREHOUSES = {
  a: { id: 'a0000000-0000-4000-8000-00000000000a', code: 'AAA-1', active: true },
  b: { id: 'b0000000-0000-4000-8000-00000000000b', code: 'BBB-1', active: true },
  closed: { id: 'c0000000-0000-4000-8000-00000000000c', code: 'CLO-1', active: false },
} as const;
export type WarehouseKey = keyof typeof WAREHOUSES;

/** Per warehouse: units on hand, or [on hand, reserved]. */
export type StockSpec = Partial<Record<WarehouseKey, number | readonly [number, number]>>;
export type Figures = Partial<Record<WarehouseKey, { onHand: number; reserved: number }>>;

export interface ReservationRow {
  readonly status: string;
  readonly expiresAt: Date | null;
  readonly lines: ReadonlyArray<{ productId: string; warehouse: WarehouseKey; quantity: number }>;
}

export interface StockFixture {
  readonly orm: () => SubgraphOrm;
  /** A product id nobody used yet in this file, with the given stock (none when omitted). */
  product(stock?: StockSpec): Promise<string>;
  /** Runs `work` in one transaction of a fresh fork, as a consumer's `handleOnce` would. */
  inTransaction<T>(work: (tx: EntityManager) => Promise<T>): Promise<T>;
  figures(productId: string): Promise<Figures>;
  reservation(orderId: string): Promise<ReservationRow | null>;
  /** The outbox rows of the given types (all when omitted), oldest first. */
  outbox(types?: string[]): Promise<Array<{ type: string; aggregateId: string; payload: Record<string, unknown> }>>;
  sql<Row>(statement: string, params?: unknown[]): Promise<Row[]>;
}

/**
 * An inventory schema of the test file's own, migrated, with {@link WAREHOUSES}; products get stock rows as each
 * test needs them. `poolMax` bounds how many transactions really run at once (concurrency specs raise it).
 */
export function useStockFixture(options: { poolMax?: number } = {}): StockFixture {
  const orm = migratedTestOrm((database) =>
    createInventoryOrm({ databaseUrl: database.url, poolMax: database.kind === 'postgres' ? (options.poolMax ?? database.poolMax) : 1 }),
  );
  const sql = <Row>(statement: string, params: unknown[] = []) => orm().em.fork().getConnection().execute<Row[]>(statement, params);
  const keyOf = (warehouseId: string) => (Object.keys(WAREHOUSES) as WarehouseKey[]).find((key) => WAREHOUSES[key].id === warehouseId)!;

  beforeAll(async () => {
    for (const warehouse of Object.values(WAREHOUSES)) {
      await sql(`insert into inventory.warehouse (id, code, name, city, country, active) values (?, ?, ?, 'Leeds', 'GB', ?)`, [
        warehouse.id,
        warehouse.code,
        warehouse.code,
        warehouse.active,
      ]);
    }
  });

  return {
    orm,
    sql,
    async product(stock = {}) {
      const productId = randomUUID();
      for (const [key, spec] of Object.entries(stock) as Array<[WarehouseKey, number | readonly [number, number]]>) {
        const [onHand, reserved] = typeof spec === 'number' ? [spec, 0] : spec;
        await sql(`insert into inventory.stock_level (product_id, warehouse_id, on_hand, reserved, updated_at) values (?, ?, ?, ?, now())`, [
          productId,
          WAREHOUSES[key].id,
          onHand,
          reserved,
        ]);
      }
      return productId;
    },
    inTransaction: (work) => (orm().em.fork() as EntityManager).transactional(work),
    async figures(productId) {
      const rows = await sql<{ warehouse_id: string; on_hand: number; reserved: number }>(
        `select warehouse_id, on_hand, reserved from inventory.stock_level where product_id = ?`,
        [productId],
      );
      return Object.fromEntries(rows.map((row) => [keyOf(row.warehouse_id), { onHand: row.on_hand, reserved: row.reserved }]));
    },
    async reservation(orderId) {
      const [row] = await sql<{ status: string; expires_at: Date | null }>(`select status, expires_at from inventory.stock_reservation where order_id = ?`, [orderId]);
      if (!row) return null;
      const lines = await sql<{ product_id: string; warehouse_id: string; quantity: number }>(
        `select product_id, warehouse_id, quantity from inventory.stock_reservation_line where order_id = ? order by product_id, warehouse_id`,
        [orderId],
      );
      return {
        status: row.status,
        expiresAt: row.expires_at ? new Date(row.expires_at) : null,
        lines: lines.map((line) => ({ productId: line.product_id, warehouse: keyOf(line.warehouse_id), quantity: line.quantity })),
      };
    },
    async outbox(types) {
      const rows = await sql<{ type: string; aggregate_id: string; payload: Record<string, unknown> }>(
        `select type, aggregate_id, payload from inventory.outbox order by position`,
      );
      return rows
        .filter((row) => !types || types.includes(row.type))
        .map((row) => ({ type: row.type, aggregateId: row.aggregate_id, payload: row.payload }));
    },
  };
}
