import { Money } from '@techally/platform';
import { FieldResolver, Resolver, Root } from 'type-graphql';
import type { Payment } from './payment.entity';
import { OrderReference } from './order.type';
import { PaymentType } from './payment.type';

/** The payment fields whose public shape differs from the stored one. Neither touches the database. */
@Resolver(() => PaymentType)
export class PaymentFieldsResolver {
  @FieldResolver(() => OrderReference, { description: 'The order paid; its fields come from the orders subgraph.' })
  order(@Root() payment: Payment): OrderReference {
    return OrderReference.of(payment.orderId);
  }

  @FieldResolver(() => Money, { description: 'The order’s total when the payment was created.' })
  amount(@Root() payment: Payment): Money {
    return Money.of(payment.amount, payment.currency);
  }
}
