import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { PaymentsContext } from '../context';
import type { Payment } from './payment.entity';
import { ConfirmPaymentInput } from './payment.inputs';
import { PaymentType } from './payment.type';

/** Payment queries and mutations: parse the arguments, call the request's PaymentService, return. */
@Resolver(() => PaymentType)
export class PaymentResolver {
  @Query(() => PaymentType, {
    nullable: true,
    description: 'A payment, for its order’s customer or an admin (NOT_FOUND for anyone else).',
  })
  payment(@Arg('id', () => ID) id: string, @Ctx() { payments }: PaymentsContext): Promise<Payment> {
    return payments.find(id);
  }

  @Mutation(() => PaymentType, {
    description:
      'Pays an order awaiting payment with a card (its customer, or an admin). The amount is the order’s total. A decline returns the payment FAILED with its failureCode, which is final: the order is cancelled. Before the order awaits payment the answer is PAYMENT_NOT_ALLOWED with extensions.retryable true.',
  })
  confirmPayment(@Arg('input', () => ConfirmPaymentInput) input: ConfirmPaymentInput, @Ctx() { payments }: PaymentsContext): Promise<Payment> {
    return payments.confirm({ orderId: input.orderId, card: input.card });
  }

  @Mutation(() => PaymentType, { description: 'Refunds a SUCCEEDED payment in full (admins only).' })
  refundPayment(@Arg('id', () => ID) id: string, @Ctx() { payments }: PaymentsContext): Promise<Payment> {
    return payments.refund(id);
  }
}
