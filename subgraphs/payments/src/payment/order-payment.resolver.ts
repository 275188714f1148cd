import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { PaymentsContext } from '../context';
import type { Payment } from './payment.entity';
import { OrderReference } from './order.type';
import { PaymentType } from './payment.type';

/** `Order.payment`, the field payments adds to the orders subgraph's Order. */
@Resolver(() => OrderReference)
export class OrderPaymentResolver {
  /** Through the request's loader: a page of orders costs one statement. */
  @FieldResolver(() => PaymentType, {
    nullable: true,
    description: 'The order’s payment; null until the order awaits payment, and for anyone but its customer or an admin.',
  })
  payment(@Root() order: OrderReference, @Ctx() { payments }: PaymentsContext): Promise<Payment | null> {
    return payments.visibleForOrder(order.id);
  }
}
