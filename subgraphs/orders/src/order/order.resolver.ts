import { Arg, Args, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { OrdersContext } from '../context';
import { OrderConnection } from './order.connection';
import type { Order } from './order.entity';
import { OrdersArgs, PlaceOrderInput } from './order.inputs';
import { OrderType } from './order.type';

/** Order queries and mutations: parse the arguments, call the request's services, return. */
@Resolver(() => OrderType)
export class OrderResolver {
  @Query(() => OrderType, {
    nullable: true,
    description: 'An order, for its customer or an administrator. NOT_FOUND for anyone else, as for an unknown id.',
  })
  order(@Arg('id', () => ID) id: string, @Ctx() { orders }: OrdersContext): Promise<Order> {
    return orders.require(id);
  }

  @Query(() => OrderConnection, { description: 'Every order, newest first. Administrators only.' })
  async orders(@Args(() => OrdersArgs) args: OrdersArgs, @Ctx() { orders }: OrdersContext): Promise<OrderConnection> {
    return new OrderConnection(await orders.list(args));
  }

  @Mutation(() => OrderType, {
    description:
      'Places an order for the signed-in customer, priced by the server from the catalog. Idempotent per idempotencyKey. Starts PENDING. ' +
      'UNPAID_ORDER_LIMIT when the customer would hold too many unpaid orders, or units of one product in them (pay or cancel first).',
  })
  placeOrder(@Arg('input', () => PlaceOrderInput) input: PlaceOrderInput, @Ctx() { checkout }: OrdersContext): Promise<Order> {
    return checkout.placeOrder(input);
  }

  @Mutation(() => OrderType, {
    description: 'Cancels a PENDING or AWAITING_PAYMENT order (its customer or an administrator); ORDER_NOT_CANCELLABLE otherwise.',
  })
  cancelOrder(@Arg('id', () => ID) id: string, @Ctx() { orders }: OrdersContext): Promise<Order> {
    return orders.cancel(id);
  }

  @Mutation(() => OrderType, { description: 'Marks a PAID order as handed to the carrier (administrators only).' })
  fulfillOrder(@Arg('id', () => ID) id: string, @Ctx() { orders }: OrdersContext): Promise<Order> {
    return orders.fulfill(id);
  }
}
