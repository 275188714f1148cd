import { Field, ObjectType } from 'type-graphql';
import { OrderStatus } from './order-status';

/** One step of an order's history. */
@ObjectType('OrderStatusChange', { description: 'One step of an order’s history, oldest first.' })
export class OrderStatusChangeType {
  @Field(() => OrderStatus, { nullable: true, description: 'Null for the first step: the order being placed.' })
  from!: OrderStatus | null;

  @Field(() => OrderStatus)
  status!: OrderStatus;

  @Field({ description: 'Why it changed, e.g. "placed", "cancelled by the customer".' })
  reason!: string;

  @Field(() => Date)
  at!: Date;
}
