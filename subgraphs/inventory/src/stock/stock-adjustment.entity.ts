import { randomUUID } from 'node:crypto';
import { Check, Entity, Enum, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { Warehouse } from '../warehouse/warehouse.entity';
import { StockAdjustmentReason } from './stock-adjustment-reason';

/**
 * The audit trail: one row per stock adjustment, written in the same transaction as the change it records, so
 * a change without its row (or a row without its change) cannot exist. Never updated, never deleted.
 */
@Entity({ tableName: 'stock_adjustment' })
@Index({ name: 'stock_adjustment_product_index', properties: ['productId', 'createdAt'] })
@Check({ name: 'stock_adjustment_delta_check', expression: 'delta <> 0' })
export class StockAdjustment {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  productId!: string;

  @ManyToOne(() => Warehouse, { deleteRule: 'restrict', index: 'stock_adjustment_warehouse_id_index' })
  warehouse!: Warehouse;

  /** Units added (positive) or taken away (negative). */
  @Property({ type: 'integer' })
  delta!: number;

  @Enum({ items: () => StockAdjustmentReason })
  reason!: StockAdjustmentReason;

  @Property({ type: 'text', nullable: true })
  note: string | null = null;

  /** The admin who made the change (the access token's subject); null for the system (the demo seed). */
  @Property({ type: 'uuid', nullable: true })
  actorId: string | null = null;

  /** The warehouse's on-hand figure right after this adjustment. */
  @Property({ type: 'integer' })
  onHandAfter!: number;

  @Property({ type: 'datetime', length: 3 })
  createdAt: Date = new Date();
}
