import type { EntityManager } from '@mikro-orm/postgresql';
import { uuidArrayLiteral } from '@techally/platform';
import { TABLES } from '../database';

/** What the public figures of a product say: on hand minus reserved, over active warehouses (README, rules). */
export interface ProductAvailability {
  readonly productId: string;
  readonly available: number;
}

/** A stock row as a transaction that holds its lock sees it. */
export interface LockedStockLevel {
  readonly productId: string;
  readonly warehouseId: string;
  readonly onHand: number;
  readonly reserved: number;
  /** Whether its warehouse counts: only active warehouses' stock is sold (and reserved). */
  readonly active: boolean;
}

interface LockedRow {
  product_id: string;
  warehouse_id: string;
  on_hand: number;
  reserved: number;
  active: boolean;
}

/**
 * Locks every stock row of the given products, in one fixed order — product id, then warehouse id — and returns
 * them. Every transaction that changes stock rows and reports a product's availability (a reservation, its
 * release, its commit, an admin adjustment) takes its row locks through here, before changing anything, so:
 *
 * - two transactions can never wait for each other in a cycle, whatever order an order lists its products in
 *   (Postgres would abort one with 40P01); `FOR UPDATE` under `ORDER BY` locks rows in the sorted order;
 * - changes to one product serialize, so the availability a transaction computes after its change is the
 *   product's true figure at its commit, and its stock-changed event is written to the outbox in that order.
 */
export async function lockProductStock(em: EntityManager, productIds: ReadonlyArray<string>): Promise<LockedStockLevel[]> {
  if (productIds.length === 0) return [];
  const rows = await em.execute<LockedRow[]>(
    `select level.product_id, level.warehouse_id, level.on_hand, level.reserved, warehouse.active
     from ${TABLES.stockLevel} level join ${TABLES.warehouse} warehouse on warehouse.id = level.warehouse_id
     where level.product_id in (${placeholders(productIds)})
     order by level.product_id, level.warehouse_id
     for update of level`,
    [...productIds],
  );
  return rows.map((row) => ({
    productId: row.product_id,
    warehouseId: row.warehouse_id,
    onHand: row.on_hand,
    reserved: row.reserved,
    active: row.active,
  }));
}

/** A product's public stock figures (README, Rules worth knowing: Public figures). */
export interface ProductStockFigures extends ProductAvailability {
  /** Units promised to orders: Σ `reserved` over active warehouses. */
  readonly reserved: number;
}

/**
 * The public figures of each given product, ordered by product id, summed by Postgres in ONE grouped statement
 * (no stock row reaches Node, nothing is hydrated): `available` = Σ (on_hand − reserved) and `reserved` = Σ
 * reserved, over active warehouses; 0 and 0 for a product without stock rows or only inactive ones. The single
 * statement of this rule: the storefront's `inventory { available } inStock` read it (the request's loader,
 * outside any transaction), and so does every stock transaction after its change, under its locks.
 */
export async function readStockFigures(em: EntityManager, productIds: ReadonlyArray<string>): Promise<ProductStockFigures[]> {
  // One spelling per uuid: `ABC…` and `abc…` twice in the list would count the same rows twice.
  const unique = [...new Set(productIds.map((id) => id.toLowerCase()))];
  if (unique.length === 0) return [];
  const rows = await em.execute<Array<{ product_id: string; available: number; reserved: number }>>(
    `select requested.product_id,
            coalesce(sum(level.on_hand - level.reserved) filter (where warehouse.active), 0)::int as available,
            coalesce(sum(level.reserved) filter (where warehouse.active), 0)::int as reserved
     from unnest(?::uuid[]) as requested (product_id)
     left join ${TABLES.stockLevel} level on level.product_id = requested.product_id
     left join ${TABLES.warehouse} warehouse on warehouse.id = level.warehouse_id
     group by requested.product_id
     order by requested.product_id`,
    // One parameter, the same statement text for 1 id or 500, nothing quoted id by id into the SQL.
    [uuidArrayLiteral(unique)],
  );
  return rows.map((row) => ({ productId: row.product_id, available: row.available, reserved: row.reserved }));
}

/**
 * The availability of each given product, ordered by product id; 0 for a product without stock rows. Read in
 * the caller's transaction, after its change, under the locks {@link lockProductStock} took.
 */
export async function readAvailability(em: EntityManager, productIds: ReadonlyArray<string>): Promise<ProductAvailability[]> {
  return (await readStockFigures(em, productIds)).map(({ productId, available }) => ({ productId, available }));
}

function placeholders(values: ReadonlyArray<unknown>): string {
  return values.map(() => '?::uuid').join(', ');
}
