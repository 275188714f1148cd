import { Arg, ID, Resolver, Root, Subscription } from 'type-graphql';
import type { InventoryContext } from '../context';
import { StockChange } from './stock-change.type';
import type { StockChangeMessage } from './stock-changed.topic';

@Resolver(() => StockChange)
export class StockChangeResolver {
  @Subscription(() => StockChange, {
    description:
      'Live stock figures of the given products (1 to 100 ids), after every committed change: adjustments, ' +
      'checkout reservations and their release. Public, like Product.inventory.available. Changes made while ' +
      'not subscribed are not replayed: read the current figures with a query.',
    subscribe: ({ args, context }) => (context as InventoryContext).stockFeed.watch(args['productIds'] as string[]),
  })
  stockChanged(
    @Root() message: StockChangeMessage,
    @Arg('productIds', () => [ID], { description: 'The products to follow (1 to 100).' }) _productIds: string[],
  ): StockChange {
    return new StockChange(message.productId, message.available, message.inStock, new Date(message.at));
  }
}
