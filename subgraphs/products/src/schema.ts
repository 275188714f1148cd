import { buildFederatedSchema, PARTNER_TAG } from '@techally/platform';
import type { GraphQLSchema } from 'graphql';
import { CategoryFieldsResolver } from './category/category-fields.resolver';
import { resolveCategoryReference } from './category/category.reference';
import { CategoryResolver } from './category/category.resolver';
import { ProductFieldsResolver } from './product/product-fields.resolver';
import { resolveProductReference } from './product/product.reference';
import { ProductResolver } from './product/product.resolver';

/**
 * The products subgraph's federated schema. Needs no database and no configuration (the compose script
 * prints the SDL from it): everything a resolver uses at run time arrives in the GraphQL context.
 */
export function buildProductsSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema({
    resolvers: [ProductResolver, ProductFieldsResolver, CategoryResolver, CategoryFieldsResolver],
    referenceResolvers: {
      Product: resolveProductReference,
      Category: resolveCategoryReference,
    },
    // Enums take their tags here (type-graphql cannot decorate them): partners sort listings and read a status.
    enumDirectives: {
      ProductSort: [PARTNER_TAG],
      ProductStatus: [PARTNER_TAG],
    },
  });
}
