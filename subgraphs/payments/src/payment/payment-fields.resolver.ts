import { Money } from '@techally/platform';
import { FieldResolver, Resolver, Root } from 'type-graphql';
import type { Payment } from './payment.entity';
import { OrderReference } from './order.type';
import { PaymentType } from './payment.type';

/** The payment fields whose public shape differs from the stored one. Neither touches the database. */
@Resolver(() => PaymentType)
export class PaymentFieldsResolver {
  @FieldResolver(() => OrderReference)
  order(@Root() payment: Payment): OrderReference {
    return OrderReference.of(payment.orderId);
  }

  @FieldResolver(() => Money)
  amount(@Root() payment: Payment): Money {
    return Money.of(payment.amount, payment.currency);
  }
}
