import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { OrdersContext } from '../context';
import { OrderConnection } from '../order/order.connection';
import { UserOrdersArgs } from '../order/order.inputs';
import { UserReference } from './user.type';

/** `User.orders`: the orders this subgraph holds for a user, for that user themself or an administrator. */
@Resolver(() => UserReference)
export class UserOrdersResolver {
  @FieldResolver(() => OrderConnection, {
    description: 'Newest first. For the user themself or an administrator (FORBIDDEN otherwise).',
  })
  async orders(
    @Root() user: UserReference,
    @Args(() => UserOrdersArgs) args: UserOrdersArgs,
    @Ctx() { orders }: OrdersContext,
  ): Promise<OrderConnection> {
    return new OrderConnection(await orders.ofCustomer(user.id, args));
  }
}

/** `User @key(fields: "id")`: only the id is needed to find a user's orders, so the reference is the entity. */
export function resolveUserReference(representation: Record<string, unknown>): UserReference | null {
  const id = representation['id'];
  return typeof id === 'string' ? { id } : null;
}
