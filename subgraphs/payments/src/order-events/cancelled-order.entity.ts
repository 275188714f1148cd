import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * An order payments knows to be cancelled (from `orders.order-cancelled.v1`): kept so that a payment requested
 * late (its event overtaken by the cancellation) is never opened, a success that arrives afterwards is refunded,
 * and confirmPayment refuses at once. A tombstone: never deleted, one row per cancelled order.
 */
@Entity({ tableName: 'cancelled_order' })
export class CancelledOrder {
  /** The orders subgraph's order; no foreign key (another schema, another service). */
  @PrimaryKey({ type: 'uuid' })
  orderId!: string;

  /** The orders subgraph's cancellation code (`OUT_OF_STOCK`, `PAYMENT_FAILED`, `RESERVATION_EXPIRED`, …). */
  @Property({ type: 'string', length: 64 })
  reason!: string;

  /** Indexed: the refund sweep looks only at recent cancellations. */
  @Index({ name: 'cancelled_order_cancelled_at_index' })
  @Property({ type: 'datetime', length: 3 })
  cancelledAt: Date = new Date();
}
