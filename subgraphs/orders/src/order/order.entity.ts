import { randomUUID } from 'node:crypto';
import { Check, Embedded, Entity, Enum, Index, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import type { CancellationReason } from './cancellation-reason';
import { OrderStatus } from './order-status';
import { ShippingAddressSnapshot } from './shipping-address.embeddable';

/** The constraint that makes placeOrder idempotent per customer (translated in the repository). */
export const ORDER_IDEMPOTENCY_UNIQUE = 'order_customer_idempotency_key_unique';
export const ORDER_NUMBER_UNIQUE = 'order_number_unique';
/** What the expiry sweeper scans: only unpaid orders, by deadline (a small partial index). */
export const ORDER_PAYMENT_DUE_INDEX = 'order_awaiting_payment_due_index';

/**
 * Where order numbers come from: a Postgres sequence (created by the initial migration), so numbers are unique
 * without a lock and never reused. Gaps are normal (a rolled-back insert consumes one).
 */
export const ORDER_NUMBER_SEQUENCE = 'orders.order_number_seq';
/** The column default that draws the next number, as Postgres prints it back (so schema diffs agree). */
export const ORDER_NUMBER_DEFAULT = `('TA-'::text || nextval('${ORDER_NUMBER_SEQUENCE}'::regclass))`;

/**
 * An order as stored. Persistence only: no GraphQL here, the public shape is `OrderType`.
 *
 * Money columns are integers in minor units of `currency`. Prices, names and SKUs are copied from the catalog
 * when the order is placed; later catalog changes never alter an order.
 */
@Entity({ tableName: 'order' })
@Unique({ name: ORDER_IDEMPOTENCY_UNIQUE, properties: ['customerId', 'idempotencyKey'] })
// Keyset listings, newest first: all orders (admin), one customer's, one status's.
@Index({ name: 'order_placed_at_index', properties: ['placedAt', 'id'] })
@Index({ name: 'order_customer_placed_at_index', properties: ['customerId', 'placedAt', 'id'] })
@Index({ name: 'order_status_placed_at_index', properties: ['status', 'placedAt', 'id'] })
// The expiry sweeper: unpaid orders by payment deadline.
@Index({
  name: ORDER_PAYMENT_DUE_INDEX,
  expression: (table, columns, name) =>
    `create index "${name}" on ${table.schema ? `"${table.schema}".` : ''}"${table.name}" ("${columns.status}", "${columns.paymentDueAt}") where "${columns.status}" = 'AWAITING_PAYMENT'`,
})
@Check({ name: 'order_amounts_check', expression: 'subtotal >= 0 and shipping >= 0 and tax >= 0' })
@Check({ name: 'order_total_check', expression: 'total = subtotal + shipping + tax' })
@Check({ name: 'order_cancellation_reason_check', expression: "cancellation_reason is null or status = 'CANCELLED'" })
export class Order {
  /** Filled by the database (number) or by defaults here when not given. */
  [OptionalProps]?: 'number' | 'status' | 'placedAt' | 'updatedAt' | 'paymentDueAt' | 'cancellationReason';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  /** Human-readable ("TA-100042"), for receipts and support calls; drawn by the database on insert. */
  @Property({ type: 'string', length: 20, unique: ORDER_NUMBER_UNIQUE, defaultRaw: ORDER_NUMBER_DEFAULT })
  number!: string;

  /** The users subgraph's user id. No foreign key: that table lives in another subgraph's schema. */
  @Property({ type: 'uuid' })
  customerId!: string;

  @Enum({ items: () => OrderStatus })
  status: OrderStatus = OrderStatus.PENDING;

  /** ISO 4217; every amount of the order and its lines is in it. */
  @Property({ type: 'character', length: 3 })
  currency!: string;

  @Property({ type: 'integer' })
  subtotal!: number;

  @Property({ type: 'integer' })
  shipping!: number;

  @Property({ type: 'integer' })
  tax!: number;

  @Property({ type: 'integer' })
  total!: number;

  @Embedded(() => ShippingAddressSnapshot, { prefix: 'shipping_' })
  shippingAddress!: ShippingAddressSnapshot;

  /** The client's key for this checkout attempt: a retry with the same key gets this order back. */
  @Property({ type: 'string', length: 100 })
  idempotencyKey!: string;

  /** sha256 of the canonical request (lines and address): tells a retry from a different cart under one key. */
  @Property({ type: 'character', length: 64 })
  requestHash!: string;

  // Millisecond precision: cursors carry these as JS dates, which cannot hold Postgres's microseconds.
  @Property({ type: 'datetime', length: 3 })
  placedAt: Date = new Date();

  /** Moves with every status change (and nothing else changes an order). */
  @Property({ type: 'datetime', length: 3 })
  updatedAt: Date = new Date();

  /**
   * Set when stock was reserved (AWAITING_PAYMENT): the reservation's expiry, after which the expiry sweeper
   * cancels the order unless it was paid. Kept afterwards, as a record of the deadline.
   */
  @Property({ type: 'datetime', length: 3, nullable: true })
  paymentDueAt: Date | null = null;

  /**
   * A {@link CancellationReason} code, set by the transition to CANCELLED (saga or cancelOrder); null for any other
   * status (a CHECK) and for orders cancelled before the codes existed (the demo seed's).
   */
  @Property({ type: 'string', length: 40, nullable: true })
  cancellationReason: CancellationReason | null = null;
}
