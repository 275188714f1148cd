import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, PARTNER_TAG } from '@techally/platform';
import { ArgsType, Directive, Field, Float, ID, InputType, Int, registerEnumType } from 'type-graphql';
import { SearchSort } from '../backend/search-backend';

registerEnumType(SearchSort, {
  name: 'SearchSort',
  description: 'The order of search results.',
  valuesConfig: {
    RELEVANCE: { description: 'Best match first (a name match before a description match); NEWEST without a query.' },
    PRICE_ASC: { description: 'Cheapest first.' },
    PRICE_DESC: { description: 'Most expensive first.' },
    NEWEST: { description: 'Most recently added first.' },
    RATING: { description: 'Best rated first (unrated last), then the most reviewed.' },
  },
});

@InputType('SearchFilter', { description: 'Narrows a search; all given conditions must hold.' })
@Directive(PARTNER_TAG)
export class SearchFilterInput {
  @Field(() => ID, { nullable: true, description: 'Products in this category or any category below it.' })
  categoryId?: string | null;

  @Field(() => Int, { nullable: true, description: 'Lowest price, in minor units, inclusive.' })
  minPrice?: number | null;

  @Field(() => Int, { nullable: true, description: 'Highest price, in minor units, inclusive.' })
  maxPrice?: number | null;

  @Field(() => Boolean, { nullable: true, description: 'true: only products that can be bought now; false: only those that cannot.' })
  inStock?: boolean | null;

  @Field(() => Float, { nullable: true, description: 'Lowest average rating, 0 to 5, inclusive (unrated products are left out by any minimum above 0).' })
  minRating?: number | null;
}

@ArgsType()
export class SearchProductsArgs {
  @Directive(PARTNER_TAG)
  @Field(() => String, {
    nullable: true,
    description: 'What the shopper typed (at most 200 characters): words, "quoted phrases", -excluded words, OR between alternatives. Omitted or blank: every product the filter allows.',
  })
  query?: string | null;

  @Directive(PARTNER_TAG)
  @Field(() => SearchFilterInput, { nullable: true })
  filter?: SearchFilterInput | null;

  @Directive(PARTNER_TAG)
  @Field(() => SearchSort, { nullable: true, defaultValue: SearchSort.RELEVANCE })
  sort?: SearchSort | null;

  @Directive(PARTNER_TAG)
  @Field(() => Int, { nullable: true, defaultValue: DEFAULT_PAGE_SIZE, description: `Page size, 1 to ${MAX_PAGE_SIZE}.` })
  first?: number | null;

  @Directive(PARTNER_TAG)
  @Field(() => String, { nullable: true, description: 'The `cursor` of the last product already seen.' })
  after?: string | null;
}

/** The most suggestions one call returns. */
export const MAX_SUGGESTIONS = 20;

@ArgsType()
export class SuggestProductsArgs {
  @Directive(PARTNER_TAG)
  @Field(() => String, { description: 'What the shopper has typed so far (at most 100 characters); the last word may be partial.' })
  prefix!: string;

  @Directive(PARTNER_TAG)
  @Field(() => Int, { nullable: true, defaultValue: 8, description: `How many suggestions, 1 to ${MAX_SUGGESTIONS}.` })
  first?: number | null;
}
