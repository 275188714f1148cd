import { Money } from '@techally/platform';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { OrdersContext } from '../context';
import { ProductReference } from '../product/product.type';
import type { OrderItem } from './order-item.entity';
import { OrderItemType } from './order-item.type';

/** An order line's product reference and its money, in the currency of its order. */
@Resolver(() => OrderItemType)
export class OrderItemFieldsResolver {
  /** The reference the router completes at products; with the SKU this subgraph provides (see the type). */
  @FieldResolver()
  product(@Root() item: OrderItem): Pick<ProductReference, 'id' | 'sku'> {
    return { id: item.productId, sku: item.sku };
  }

  @FieldResolver()
  async unitPrice(@Root() item: OrderItem, @Ctx() { orders }: OrdersContext): Promise<Money> {
    return Money.of(item.unitPrice, await orders.currencyOf(item));
  }

  @FieldResolver()
  async lineTotal(@Root() item: OrderItem, @Ctx() { orders }: OrdersContext): Promise<Money> {
    return Money.of(item.lineTotal, await orders.currencyOf(item));
  }
}
