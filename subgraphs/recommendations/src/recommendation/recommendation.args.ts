import { PARTNER_TAG } from '@techally/platform';
import { ArgsType, Directive, Field, ID, Int } from 'type-graphql';
import { DEFAULT_RECOMMENDATIONS } from './recommendation.service';

/**
 * `first` of every recommendation list. Tagged: a partner contract keeps an argument only when it is tagged too (on
 * `recommendedProducts`, personal and untagged, the contract leaves the whole field out).
 */
@ArgsType()
export class RecommendationListArgs {
  @Directive(PARTNER_TAG)
  @Field(() => Int, { nullable: true, defaultValue: DEFAULT_RECOMMENDATIONS, description: 'How many, 1 to 50.' })
  first?: number | null;
}

@ArgsType()
export class PopularProductsArgs extends RecommendationListArgs {
  @Directive(PARTNER_TAG)
  @Field(() => ID, { nullable: true, description: 'Only this category’s products (the category a product’s events name); all of them when omitted.' })
  categoryId?: string | null;
}
