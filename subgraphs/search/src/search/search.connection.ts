import { PageInfo, PARTNER_TAG } from '@techally/platform';
import { Directive, Field, Int, ObjectType } from 'type-graphql';
import type { SearchSummary } from '../backend/search-backend';
import { CategoryKey, ProductKey } from '../product/product.type';

@ObjectType('ProductSearchEdge')
@Directive(PARTNER_TAG)
export class ProductSearchEdge {
  @Field({ description: 'Pass as `after` to continue after this product.' })
  cursor!: string;

  @Field(() => ProductKey)
  node!: ProductKey;
}

@ObjectType('CategoryFacet', { description: 'How many matches are in one category (their own, not counting sub-categories).' })
@Directive(PARTNER_TAG)
export class CategoryFacet {
  @Field(() => CategoryKey)
  category!: CategoryKey;

  @Field(() => Int)
  count!: number;
}

@ObjectType('PriceRangeFacet', { description: 'How many matches cost from `min` (inclusive) to `max` (exclusive), in minor units.' })
@Directive(PARTNER_TAG)
export class PriceRangeFacet {
  @Field(() => Int)
  min!: number;

  @Field(() => Int, { nullable: true, description: 'Null for the top range, which has no upper bound.' })
  max!: number | null;

  @Field(() => Int)
  count!: number;
}

@ObjectType('SearchFacets', { description: 'Counts of the matches (the query and the whole filter applied); each facet adds up to `totalCount`.' })
@Directive(PARTNER_TAG)
export class SearchFacets {
  @Field(() => [CategoryFacet], { description: 'Categories with at least one match, the largest first.' })
  categories!: CategoryFacet[];

  @Field(() => [PriceRangeFacet], { description: 'Every price range, cheapest first, empty ones included.' })
  priceRanges!: PriceRangeFacet[];

  @Field(() => Int, { description: 'Matches that can be bought now.' })
  inStock!: number;

  @Field(() => Int, { description: 'Matches that cannot.' })
  outOfStock!: number;
}

/** A page of search results. `totalCount` and `facets` cost one more statement, made only when asked for. */
@ObjectType('ProductSearchConnection')
@Directive(PARTNER_TAG)
export class ProductSearchConnection {
  @Field(() => [ProductSearchEdge])
  edges!: ProductSearchEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => String, {
    nullable: true,
    description: 'When the query as typed matched nothing but a spelling correction did, the corrected query: the results are for it ("Did you mean …?").',
  })
  didYouMean!: string | null;

  /** The count and facets of these matches, computed on first use. */
  summary!: () => Promise<SearchSummary>;
}

@ObjectType('ProductSuggestion', { description: 'A product to propose while the shopper types.' })
@Directive(PARTNER_TAG)
export class ProductSuggestion {
  @Field({ description: 'The product’s name, as the search index knows it.' })
  name!: string;

  @Field(() => ProductKey)
  product!: ProductKey;
}
