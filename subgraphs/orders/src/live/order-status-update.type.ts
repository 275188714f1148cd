import { Field, ObjectType } from 'type-graphql';
import { OrderStatus } from '../order/order-status';
import { OrderType } from '../order/order.type';

/**
 * One live status change of an order, as the subscriptions deliver it. Not `OrderStatusChange`: that name is
 * the stored history step (`Order.statusHistory`, with its `from` and `reason`); this is the notification that
 * a step happened, carrying the order itself so a client refreshes its view from one message.
 */
@ObjectType('OrderStatusUpdate', { description: 'An order’s status changed (delivered by the order subscriptions).' })
export class OrderStatusUpdateType {
  @Field(() => OrderType, { description: 'The order as it is when the update is delivered (it may have moved on since).' })
  order!: OrderType;

  @Field(() => OrderStatus, { description: 'The status the order changed to.' })
  status!: OrderStatus;

  @Field(() => OrderStatus, { nullable: true, description: 'The status it changed from; null when it was just placed.' })
  previousStatus!: OrderStatus | null;

  @Field(() => Date, { description: 'When the change was made (committed in the same transaction).' })
  at!: Date;
}
