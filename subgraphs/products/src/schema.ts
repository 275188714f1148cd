import { buildFederatedSchema, createLogger, createSubscriptionPubSub, PARTNER_TAG, type SubscriptionPubSub } from '@techally/platform';
import type { GraphQLSchema } from 'graphql';
import { CategoryFieldsResolver } from './category/category-fields.resolver';
import { resolveCategoryReference } from './category/category.reference';
import { CategoryResolver } from './category/category.resolver';
import { ProductChangedResolver } from './live/product-changed.resolver';
import { ProductFieldsResolver } from './product/product-fields.resolver';
import { resolveProductReference } from './product/product.reference';
import { ProductResolver } from './product/product.resolver';

export interface ProductsSchemaOptions {
  /**
   * The subscription pub/sub of the running subgraph (type-graphql wants one for any schema with subscriptions;
   * `productChanged` itself reads the product feed from the context). Omitted when the schema is built only for
   * its SDL: an idle in-memory one then, which nothing ever subscribes to.
   */
  readonly pubSub?: SubscriptionPubSub;
}

/**
 * The products subgraph's federated schema. Needs no database and no configuration (the compose script
 * prints the SDL from it): everything a resolver uses at run time arrives in the GraphQL context.
 */
export function buildProductsSchema(options: ProductsSchemaOptions = {}): Promise<GraphQLSchema> {
  return buildFederatedSchema({
    resolvers: [ProductResolver, ProductFieldsResolver, ProductChangedResolver, CategoryResolver, CategoryFieldsResolver],
    referenceResolvers: {
      Product: resolveProductReference,
      Category: resolveCategoryReference,
    },
    // Enums take their tags here (type-graphql cannot decorate them): partners sort listings and read a status.
    enumDirectives: {
      ProductSort: [PARTNER_TAG],
      ProductStatus: [PARTNER_TAG],
    },
    pubSub: options.pubSub ?? createSubscriptionPubSub({ keyPrefix: 'sdl', logger: createLogger({ name: 'products', level: 'silent' }) }),
  });
}
