import { Money } from '@techally/platform';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { OrdersContext } from '../context';
import { UserReference } from '../user/user.type';
import type { OrderItem } from './order-item.entity';
import type { OrderStatusChange } from './order-status-change.entity';
import type { Order } from './order.entity';
import { OrderType } from './order.type';
import type { ShippingAddressSnapshot } from './shipping-address.embeddable';

/** The order fields whose public shape differs from the stored one; the lists go through request loaders. */
@Resolver(() => OrderType)
export class OrderFieldsResolver {
  @FieldResolver()
  customer(@Root() order: Order): UserReference {
    return { id: order.customerId };
  }

  @FieldResolver()
  items(@Root() order: Order, @Ctx() { orders }: OrdersContext): Promise<OrderItem[]> {
    return orders.itemsOf(order);
  }

  @FieldResolver()
  subtotal(@Root() order: Order): Money {
    return Money.of(order.subtotal, order.currency);
  }

  @FieldResolver()
  shipping(@Root() order: Order): Money {
    return Money.of(order.shipping, order.currency);
  }

  @FieldResolver()
  tax(@Root() order: Order): Money {
    return Money.of(order.tax, order.currency);
  }

  @FieldResolver()
  total(@Root() order: Order): Money {
    return Money.of(order.total, order.currency);
  }

  @FieldResolver()
  shippingAddress(@Root() order: Order): ShippingAddressSnapshot {
    return order.shippingAddress;
  }

  @FieldResolver()
  statusHistory(@Root() order: Order, @Ctx() { orders }: OrdersContext): Promise<OrderStatusChange[]> {
    return orders.historyOf(order);
  }
}
