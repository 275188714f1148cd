import { randomUUID } from 'node:crypto';
import { Check, Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { PaymentStatus } from './payment-status';

/**
 * A payment as stored: one per order, opened when the orders subgraph asks for it (`orders.payment-requested.v1`;
 * the unique `order_id` makes a redelivered or concurrent request end with one row). Persistence only; the
 * public shape is `PaymentType`; status changes go through payment-transitions.ts.
 */
@Entity({ tableName: 'payment' })
@Check({ name: 'payment_amount_check', expression: 'amount > 0' })
@Check({ name: 'payment_attempts_check', expression: 'attempts >= 0' })
export class Payment {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  /** The orders subgraph's order; no foreign key (another schema, another service). */
  @Property({ type: 'uuid', unique: 'payment_order_id_unique' })
  orderId!: string;

  /** From the payment request (the order's customer): who may see and confirm this payment. */
  @Index({ name: 'payment_customer_id_index' })
  @Property({ type: 'uuid' })
  customerId!: string;

  /** Minor units: the order's total as the orders subgraph computed it (the payment request), never the client's. */
  @Property({ type: 'integer' })
  amount!: number;

  /** ISO 4217. */
  @Property({ type: 'character', length: 3 })
  currency!: string;

  @Enum({ items: () => PaymentStatus, default: PaymentStatus.PENDING })
  status: PaymentStatus = PaymentStatus.PENDING;

  /** Which provider holds the intent: `simulated` or `stripe`. */
  @Property({ type: 'string', length: 32 })
  provider!: string;

  /** The provider's intent id (Stripe's `pi_...`); null until the intent exists. Webhooks find the payment by it. */
  @Property({ type: 'string', length: 255, nullable: true, unique: 'payment_provider_reference_unique' })
  providerReference: string | null = null;

  /** Confirmation attempts made so far. */
  @Property({ type: 'integer', default: 0 })
  attempts = 0;

  /** The provider's code for the decline (`card_declined`, `insufficient_funds`, ...); null otherwise. */
  @Property({ type: 'string', length: 64, nullable: true })
  failureCode: string | null = null;

  /** The provider idempotency key of the intent, one per order: `order:<order id>`. */
  @Property({ type: 'string', length: 100, unique: 'payment_idempotency_key_unique' })
  idempotencyKey!: string;

  @Property({ type: 'datetime', length: 3 })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', length: 3, onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}

/** The provider idempotency key of an order's payment intent. */
export function paymentIdempotencyKey(orderId: string): string {
  return `order:${orderId}`;
}
