import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * A Stripe event this subgraph has handled, keyed by Stripe's event id (`evt_…`): Stripe delivers at least once
 * and retries, so the row, written in the transaction that applies the event, is what makes a second delivery
 * change nothing.
 */
@Entity({ tableName: 'stripe_webhook_event' })
export class StripeWebhookEvent {
  @PrimaryKey({ type: 'string', length: 255 })
  id!: string;

  /** `payment_intent.succeeded`, `charge.refunded`, … */
  @Property({ type: 'string', length: 100 })
  type!: string;

  @Property({ type: 'datetime', length: 3 })
  receivedAt: Date = new Date();
}
