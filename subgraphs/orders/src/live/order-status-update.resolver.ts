import { requireAdmin } from '@techally/platform';
import { Arg, Ctx, FieldResolver, ID, Resolver, Root, Subscription } from 'type-graphql';
import type { OrdersContext } from '../context';
import type { Order } from '../order/order.entity';
import { OrderError } from '../order/order.errors';
import { OrderType } from '../order/order.type';
import type { OrderStatusMessage } from './order-status-changed.topic';
import { OrderStatusUpdateType } from './order-status-update.type';

/**
 * The order subscriptions. Who may subscribe is checked once, when the subscription starts; every event then
 * runs with a fresh context (the platform verifies the token again, so an expired one ends it), and `order`
 * is read through that context's loader under the same rule as `order(id)`.
 */
@Resolver(() => OrderStatusUpdateType)
export class OrderStatusUpdateResolver {
  @Subscription(() => OrderStatusUpdateType, {
    description:
      'Every status change of one order from now on, for its customer or an administrator: UNAUTHENTICATED when ' +
      'signed out, NOT_FOUND for someone else’s order as for an unknown id, as order(id) answers (checked when subscribing). ' +
      'Changes made before are not replayed: read the order first.',
    subscribe: async ({ args, context }) => {
      const { orders, orderStatusFeed } = context as OrdersContext;
      const order = await orders.require(args['orderId'] as string);
      return orderStatusFeed.watchOrder(order.id);
    },
  })
  orderStatusChanged(
    @Root() message: OrderStatusMessage,
    @Arg('orderId', () => ID, { description: 'The order to follow.' }) _orderId: string,
  ): OrderStatusMessage {
    return message;
  }

  @Subscription(() => OrderStatusUpdateType, {
    description: 'Every status change of every order from now on: the back office’s live feed (administrators only).',
    subscribe: ({ context }) => {
      const { viewer, orderStatusFeed } = context as OrdersContext;
      requireAdmin(viewer);
      return orderStatusFeed.watchAll();
    },
  })
  orderStatusChanges(@Root() message: OrderStatusMessage): OrderStatusMessage {
    return message;
  }

  @FieldResolver(() => OrderType)
  async order(@Root() message: OrderStatusMessage, @Ctx() { orders }: OrdersContext): Promise<Order> {
    const order = await orders.visible(message.orderId);
    if (!order) throw OrderError.notFound(message.orderId);
    return order;
  }

  /** `status` and `previousStatus` are the message's own (the enum's values are the event's names). */
  @FieldResolver(() => Date)
  at(@Root() message: OrderStatusMessage): Date {
    return new Date(message.at);
  }
}
