import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { appendToOutbox, type EventMetadata } from '@techally/events';
import { TABLES } from '../database';
import type { Warehouse } from '../warehouse/warehouse.entity';
import { StockAdjustment } from './stock-adjustment.entity';
import type { StockAdjustmentReason } from './stock-adjustment-reason';
import { StockLevel } from './stock-level.entity';
import { lockProductStock, readAvailability } from './product-availability';
import { stockChangedEvent } from './stock-changed.event';
import { warehouseStockChangedEvent } from './warehouse-stock-changed.event';
import { StockError } from './stock.errors';
import type { StockFigures } from './warehouse-stock.type';

/**
 * The whole change in one atomic, conditional statement: never read-modify-write. A first delivery inserts the
 * row; otherwise the existing row is updated only if the result keeps `on_hand >= reserved` (which, with
 * `reserved >= 0`, also keeps it >= 0). Postgres locks the conflicting row and re-checks the condition on its
 * latest version, so concurrent adjustments serialize on the row and none is lost or oversells.
 *
 * The proposed row must pass the CHECKs before the conflict is detected, hence `greatest(delta, 0)`; and a
 * removal from a product the warehouse has never held proposes no row at all (the `where`), so it changes
 * nothing and returns nothing, like any other removal the stock cannot cover.
 *
 * Bindings: productId, warehouseId, delta, delta, productId, warehouseId, delta, delta.
 */
const APPLY_DELTA = `insert into ${TABLES.stockLevel} as level (product_id, warehouse_id, on_hand, reserved, updated_at)
  select ?::uuid, ?::uuid, greatest(?::int, 0), 0, now()
  where ?::int > 0
     or exists (select 1 from ${TABLES.stockLevel} existing where existing.product_id = ?::uuid and existing.warehouse_id = ?::uuid)
  on conflict (product_id, warehouse_id) do update
    set on_hand = level.on_hand + ?::int, updated_at = now()
    where level.on_hand + ?::int >= level.reserved
  returning on_hand, reserved, updated_at`;

/**
 * Adjustments of one product serialize on this (transaction-scoped) lock before they lock its rows: an
 * adjustment may create a row, which no row lock covers, and the product's availability it reports must
 * include every other warehouse's committed change. Reservations never create rows and take no such lock.
 */
const LOCK_PRODUCT_ADJUSTMENTS = `select pg_advisory_xact_lock(hashtextextended('inventory.adjust-stock:' || ?::text, 0))`;

const CURRENT_FIGURES = `select on_hand, reserved from ${TABLES.stockLevel} where product_id = ?::uuid and warehouse_id = ?::uuid`;

export interface Adjustment {
  readonly productId: string;
  readonly warehouse: Warehouse;
  readonly delta: number;
  readonly reason: StockAdjustmentReason;
  readonly note: string | null;
  readonly actorId: string;
  /** Carried into the stock-changed event (the admin's request id). */
  readonly metadata?: EventMetadata;
}

interface FiguresRow {
  on_hand: number;
  reserved: number;
  updated_at: Date | string;
}

/** Stock rows in Postgres. Reads for GraphQL fields go through the request's DataLoaders (stock.loaders.ts). */
export class StockRepository {
  constructor(private readonly em: EntityManager) {}

  /** Every stock row of each product, with its warehouse (joined: one statement), ordered by warehouse code. */
  findByProducts(productIds: ReadonlyArray<string>): Promise<StockLevel[]> {
    return this.em.find(
      StockLevel,
      { productId: { $in: [...productIds] } },
      { populate: ['warehouse'], orderBy: { warehouse: { code: 'asc' } } },
    );
  }

  /**
   * Applies an adjustment, writes its audit row, an `inventory.stock-changed.v1` with the product's new
   * availability and an `inventory.warehouse-stock-changed.v1` with the row's new figures to the outbox, in one
   * transaction: all or nothing. A change the stock cannot cover is
   * NEGATIVE_STOCK with the current figures, and nothing is written. The product's rows are locked first, in
   * the order every stock transaction uses (see `lockProductStock`).
   */
  async apply(adjustment: Adjustment): Promise<StockFigures> {
    const { productId, warehouse, delta } = adjustment;
    return this.em.transactional(async (tx) => {
      await tx.execute(LOCK_PRODUCT_ADJUSTMENTS, [productId]);
      await lockProductStock(tx, [productId]);
      const [changed] = await tx.execute<FiguresRow[]>(APPLY_DELTA, [
        productId,
        warehouse.id,
        delta,
        delta,
        productId,
        warehouse.id,
        delta,
        delta,
      ]);
      if (!changed) {
        const [current] = await tx.execute<FiguresRow[]>(CURRENT_FIGURES, [productId, warehouse.id]);
        throw StockError.negativeStock({
          productId,
          warehouseId: warehouse.id,
          warehouseCode: warehouse.code,
          delta,
          onHand: current?.on_hand ?? 0,
          reserved: current?.reserved ?? 0,
        });
      }
      await tx.insert(StockAdjustment, {
        id: randomUUID(),
        productId,
        warehouse: warehouse.id,
        delta,
        reason: adjustment.reason,
        note: adjustment.note,
        actorId: adjustment.actorId,
        onHandAfter: changed.on_hand,
        createdAt: new Date(),
      });
      const [availability] = await readAvailability(tx, [productId]);
      appendToOutbox(tx, [
        stockChangedEvent(availability!, adjustment.metadata),
        warehouseStockChangedEvent(
          { productId, warehouseId: warehouse.id, warehouseCode: warehouse.code, onHand: changed.on_hand, reserved: changed.reserved },
          adjustment.metadata,
        ),
      ]);
      return {
        productId,
        warehouse,
        onHand: changed.on_hand,
        reserved: changed.reserved,
        updatedAt: new Date(changed.updated_at),
      };
    });
  }
}
