import { randomUUID } from 'node:crypto';
import { Check, Entity, ManyToOne, PrimaryKey, Property, Unique, type Ref } from '@mikro-orm/core';
import { Order } from './order.entity';

/** One line of an order: what was bought, at the price of the moment it was bought. */
@Entity({ tableName: 'order_item' })
// Also the index the items loader reads by (order_id in (...)).
@Unique({ name: 'order_item_order_position_unique', properties: ['order', 'position'] })
@Check({ name: 'order_item_quantity_check', expression: 'quantity >= 1 and quantity <= 99' })
@Check({ name: 'order_item_line_total_check', expression: 'unit_price >= 0 and line_total = unit_price * quantity' })
export class OrderItem {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Order, { ref: true, deleteRule: 'restrict' })
  order!: Ref<Order>;

  /** Lines keep the order the customer put them in (0-based). */
  @Property({ type: 'smallint' })
  position!: number;

  /** The products subgraph's product id. */
  @Property({ type: 'uuid' })
  productId!: string;

  /** Snapshots: the catalog may rename or reprice the product later; the order must not change. */
  @Property({ type: 'string', length: 32 })
  sku!: string;

  @Property({ type: 'string', length: 200 })
  name!: string;

  /** Minor units of the order's currency. */
  @Property({ type: 'integer' })
  unitPrice!: number;

  @Property({ type: 'smallint' })
  quantity!: number;

  @Property({ type: 'integer' })
  lineTotal!: number;
}
