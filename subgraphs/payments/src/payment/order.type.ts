import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { CACHE_PRIVATE } from '@techally/platform';

/**
 * The orders subgraph's Order, as far as payments knows it: its key. Payments contributes `Order.payment`
 * (order-payment.resolver.ts); everything else about an order is resolved by the orders subgraph.
 */
@ObjectType('Order')
@Directive('@key(fields: "id")')
@Directive(CACHE_PRIVATE)
export class OrderReference {
  @Field(() => ID)
  id!: string;

  static of(id: string): OrderReference {
    const order = new OrderReference();
    order.id = id;
    return order;
  }
}
