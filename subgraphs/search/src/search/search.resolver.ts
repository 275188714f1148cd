import { PARTNER_TAG } from '@techally/platform';
import { Args, Ctx, Directive, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import type { SearchContext } from '../context';
import { SearchProductsArgs, SuggestProductsArgs } from './search.args';
import { ProductSearchConnection, ProductSuggestion, SearchFacets } from './search.connection';
import { facetsOf } from './search.service';

@Resolver()
export class SearchResolver {
  @Directive(PARTNER_TAG)
  @Query(() => ProductSearchConnection, {
    description:
      'Finds active products by what a shopper typed: ranked, filtered, faceted, tolerant of typos. Fresh within about a second of a change (it is not cached).',
  })
  searchProducts(@Args() args: SearchProductsArgs, @Ctx() context: SearchContext): Promise<ProductSearchConnection> {
    return context.search.searchProducts(args);
  }

  @Directive(PARTNER_TAG)
  @Query(() => [ProductSuggestion], { description: 'Products to propose while the shopper types (type-ahead), best first.' })
  suggestProducts(@Args() args: SuggestProductsArgs, @Ctx() context: SearchContext): Promise<ProductSuggestion[]> {
    return context.search.suggestProducts(args);
  }
}

@Resolver(() => ProductSearchConnection)
export class ProductSearchConnectionResolver {
  @FieldResolver(() => Int, { description: 'Products matching the query and the filter, across all pages.' })
  async totalCount(@Root() connection: ProductSearchConnection): Promise<number> {
    return (await connection.summary()).totalCount;
  }

  @FieldResolver(() => SearchFacets)
  async facets(@Root() connection: ProductSearchConnection): Promise<SearchFacets> {
    return facetsOf(await connection.summary());
  }
}
