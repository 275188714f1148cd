import { Entity, PrimaryKey, PrimaryKeyProp, Property } from '@mikro-orm/core';

/**
 * "This customer bought this product": the read model behind `Review.verifiedPurchase`, fed by the orders
 * subgraph's `orders.order-paid.v1` events (order-events/track-purchases.consumer.ts). Persistence only.
 *
 * One row per (customer, product), whatever the number of orders: the primary key is exactly the question the
 * reviews ask (`where (customer_id, product_id) in (...)`), so no other index is needed. Ids are owned by the
 * users, products and orders subgraphs: plain uuids, no foreign keys (README.md, Design decisions).
 */
@Entity({ tableName: 'purchase' })
export class Purchase {
  [PrimaryKeyProp]?: ['customerId', 'productId'];

  @PrimaryKey({ type: 'uuid', fieldName: 'customer_id' })
  customerId!: string;

  @PrimaryKey({ type: 'uuid', fieldName: 'product_id' })
  productId!: string;

  /** The earliest paid order of this customer that held the product. */
  @Property({ type: 'uuid', fieldName: 'first_order_id' })
  firstOrderId!: string;

  /** When that order was paid (the event's `occurredAt`). */
  @Property({ type: 'datetime', length: 3, fieldName: 'purchased_at' })
  purchasedAt!: Date;
}
