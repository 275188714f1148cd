import { Money, CACHE_PRIVATE } from '@techally/platform';
import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { OrderReference } from './order.type';
import { PaymentStatus } from './payment-status';

registerEnumType(PaymentStatus, {
  name: 'PaymentStatus',
  description: 'Where a payment is in its life.',
  valuesConfig: {
    PENDING: { description: 'Open: the order awaits payment; confirm it with a card.' },
    SUCCEEDED: { description: 'The money was collected.' },
    FAILED: {
      description: 'Declined (see failureCode). Final: it stays FAILED; the order is cancelled and its stock released.',
    },
    CANCELLED: {
      description: 'Abandoned before any decline: nothing was or will be collected (the order was cancelled, or the intent at the provider).',
    },
    REFUNDED: { description: 'Collected, then given back (an admin refund, or paid after the order was cancelled).' },
  },
});

/**
 * The public contract of a payment. Resolvers return the `Payment` entity; `order` and `amount` are resolved
 * in payment-fields.resolver.ts. Visible only to the order's customer and to admins, so nothing here carries
 * the partner tag: a payment is personal data.
 */
@ObjectType('Payment', { description: 'The payment of one order.' })
@Directive('@key(fields: "id")')
@Directive(CACHE_PRIVATE)
export class PaymentType {
  @Field(() => ID)
  id!: string;

  /** Resolved in payment-fields.resolver.ts (the entity holds only the order's id). */
  @Field(() => OrderReference, { description: 'The order paid; its fields come from the orders subgraph.' })
  order!: OrderReference;

  /** Resolved in payment-fields.resolver.ts (the entity holds amount and currency apart). */
  @Field(() => Money, { description: 'The order’s total when the payment was created.' })
  amount!: Money;

  @Field(() => PaymentStatus)
  status!: PaymentStatus;

  @Field({ description: 'Who collects it: "simulated" in the demo shop, "stripe" in production.' })
  provider!: string;

  @Field(() => Int, { description: 'Confirmation attempts so far (one that failed to reach the provider may be retried).' })
  attempts!: number;

  @Field(() => String, {
    nullable: true,
    description: 'Why the payment failed, in the provider’s words: card_declined, insufficient_funds, expired_card, ...',
  })
  failureCode!: string | null;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date)
  updatedAt!: Date;

  /** For the graph's own planning (and a later subgraph's @requires); clients never see it. */
  @Directive('@inaccessible')
  @Field(() => ID)
  customerId!: string;
}
