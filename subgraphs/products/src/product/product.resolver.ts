import { CACHE_PUBLIC, pageInfo, PARTNER_TAG, selects } from '@techally/platform';
import type { GraphQLResolveInfo } from 'graphql';
import { Directive, Arg, Args, Ctx, ID, Info, Mutation, Query, Resolver } from 'type-graphql';
import type { ProductsContext } from '../context';
import { IdOrSlugArgs } from '../shared/lookup.args';
import { ProductConnection } from './product.connection';
import { productRecordOf, type ProductRecord } from './product.record';
import { CreateProductInput, UpdateProductArgs } from './product.inputs';
import { ProductsArgs } from './product-listing.args';
import { ProductType } from './product.type';

/**
 * Product queries and admin mutations: parse the arguments, call the request's ProductService, return. Every
 * field answers a ProductRecord, whatever path produced it (reads: plain rows; writes: the flushed entity).
 */
@Resolver(() => ProductType)
export class ProductResolver {
  @Directive(PARTNER_TAG)
  @Query(() => ProductType, {
    nullable: true,
    description: 'A product by exactly one of `id` or `slug`, archived or not; null when there is none.',
  })
  product(@Args(() => IdOrSlugArgs) lookup: IdOrSlugArgs, @Ctx() { products }: ProductsContext): Promise<ProductRecord | null> {
    return products.lookup(lookup);
  }

  @Directive(PARTNER_TAG)
  @Directive(CACHE_PUBLIC)
  @Query(() => ProductConnection, { description: 'The catalog of active products, a page at a time.' })
  async products(
    @Args(() => ProductsArgs) args: ProductsArgs,
    @Ctx() { products }: ProductsContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ProductConnection> {
    const page = await products.list(args, {
      categories: selects(info, ['edges', 'node', 'category']),
      totalCount: selects(info, ['totalCount']),
    });
    const edges = [...page.edges];
    const pagination = pageInfo(edges, page.hasNextPage, page.hasPreviousPage, (edge) => edge.cursor);
    return new ProductConnection(edges, pagination, page.totalCount);
  }

  @Mutation(() => ProductType, { description: 'Adds a product to the catalog (admins only).' })
  async createProduct(
    @Arg('input', () => CreateProductInput) input: CreateProductInput,
    @Ctx() { products }: ProductsContext,
  ): Promise<ProductRecord> {
    return productRecordOf(await products.create(input));
  }

  @Mutation(() => ProductType, { description: 'Changes the given fields of a product (admins only).' })
  async updateProduct(
    @Args(() => UpdateProductArgs) { id, input }: UpdateProductArgs,
    @Ctx() { products }: ProductsContext,
  ): Promise<ProductRecord> {
    return productRecordOf(await products.update(id, input));
  }

  @Mutation(() => ProductType, {
    description: 'Takes a product out of every listing; it still resolves for past orders (admins only).',
  })
  async archiveProduct(@Arg('id', () => ID) id: string, @Ctx() { products }: ProductsContext): Promise<ProductRecord> {
    return productRecordOf(await products.archive(id));
  }
}
