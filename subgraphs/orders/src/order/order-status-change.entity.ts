import { randomUUID } from 'node:crypto';
import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { OrderStatus } from './order-status';
import { Order } from './order.entity';

/** One step of an order's history, written in the same transaction as the status change it records. */
@Entity({ tableName: 'order_status_change' })
@Index({ name: 'order_status_change_order_at_index', properties: ['order', 'at'] })
export class OrderStatusChange {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Order, { ref: true, deleteRule: 'restrict', index: false })
  order!: Ref<Order>;

  /** Null for the first entry: the order being placed. */
  @Enum({ items: () => OrderStatus, nullable: true })
  fromStatus: OrderStatus | null = null;

  @Enum({ items: () => OrderStatus })
  toStatus!: OrderStatus;

  @Property({ type: 'text' })
  reason!: string;

  /** Who made the change: `customer:<user id>`, `admin:<user id>` or `system:<process>`. */
  @Property({ type: 'text' })
  actor!: string;

  /** Strictly after the previous change of the same order (see OrderService), so the history sorts by it. */
  @Property({ type: 'datetime', length: 3 })
  at: Date = new Date();
}
