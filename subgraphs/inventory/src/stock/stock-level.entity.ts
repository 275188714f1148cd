import { Check, Entity, ManyToOne, PrimaryKey, PrimaryKeyProp, Property } from '@mikro-orm/core';
import { Warehouse } from '../warehouse/warehouse.entity';

/**
 * How many units of one product one warehouse holds, and how many of those are promised to orders. The pair
 * (product, warehouse) is the primary key, which is also what `adjustStock`'s upsert conflicts on.
 *
 * The product is another subgraph's entity: its id is stored, never a foreign key (README.md, Design decisions). The CHECKs
 * are the last line of defence behind the conditional statements that change these rows: whatever a bug
 * does, stock never goes negative and never less than what is reserved.
 */
@Entity({ tableName: 'stock_level' })
@Check({ name: 'stock_level_on_hand_check', expression: 'on_hand >= 0' })
@Check({ name: 'stock_level_reserved_check', expression: 'reserved >= 0' })
@Check({ name: 'stock_level_reserved_within_on_hand_check', expression: 'reserved <= on_hand' })
export class StockLevel {
  [PrimaryKeyProp]?: ['productId', 'warehouse'];

  @PrimaryKey({ type: 'uuid' })
  productId!: string;

  @ManyToOne(() => Warehouse, { primary: true, deleteRule: 'restrict', index: 'stock_level_warehouse_id_index' })
  warehouse!: Warehouse;

  /** Units physically in the warehouse. */
  @Property({ type: 'integer' })
  onHand: number = 0;

  /** Units of `onHand` promised to orders not yet shipped. */
  @Property({ type: 'integer' })
  reserved: number = 0;

  @Property({ type: 'datetime', length: 3 })
  updatedAt: Date = new Date();
}
