import { Arg, Ctx, ID, Resolver, Root, Subscription } from 'type-graphql';
import type { ProductsContext } from '../context';
import { ProductError } from '../product/product.errors';
import type { ProductRecord } from '../product/product.record';
import { ProductType } from '../product/product.type';
import type { ProductChangeMessage } from './product-changed.topic';
import { watchedProductIds } from './product-feed';

/**
 * `Subscription.productChanged`: the ids are checked once, when the subscription starts (count and format,
 * then that each names a product); every event then runs with a fresh context (the platform's per-event
 * contexts), so the product is read as it is after the change, through that context's loader.
 */
@Resolver(() => ProductType)
export class ProductChangedResolver {
  @Subscription(() => ProductType, {
    description:
      'The given products (1 to 100 ids, each naming a product of the catalog, archived ones included) each time ' +
      'an admin changes what they read as: name, description, price, weight, slug, category (updateProduct) or ' +
      'status (archiveProduct). Delivers the product as it is after the committed change, so a storefront already ' +
      'showing it re-reads its price, name and status without a reload; fields of other subgraphs (inStock, rating) ' +
      'are resolved per event too. Stock figures follow with stockChanged. Public, like product(id). ' +
      'BAD_USER_INPUT (field productIds or productIds[i]) for an empty list, more than 100 ids, a malformed or ' +
      'an unknown id. Changes made while not subscribed are not replayed: read the product with a query first.',
    subscribe: async ({ args, context }) => {
      const { products, productFeed } = context as ProductsContext;
      const productIds = args['productIds'] as string[];
      const watched = watchedProductIds(productIds);
      await products.requireEach(productIds, 'productIds');
      return productFeed.watch(watched);
    },
  })
  async productChanged(
    @Root() message: ProductChangeMessage,
    @Arg('productIds', () => [ID], { description: 'The products to follow (1 to 100 ids of existing products).' }) _productIds: string[],
    @Ctx() { products }: ProductsContext,
  ): Promise<ProductRecord> {
    // Products are never deleted: one that changed resolves.
    const product = await products.byId(message.productId);
    if (!product) throw ProductError.notFound(message.productId);
    return product;
  }
}
