import { PARTNER_TAG } from '@techally/platform';
import { Arg, Args, Ctx, Directive, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RecommendationsContext } from '../context';
import { PopularProductsArgs, RecommendationListArgs } from './recommendation.args';
import { ProductRef, productRef, UserRef } from './recommendation.types';

/** `Product.alsoBought`, `popularProducts` and `productViewed`: thin, the service decides. */
@Resolver(() => ProductRef)
export class ProductRecommendationResolver {
  @Directive(PARTNER_TAG)
  @FieldResolver(() => [ProductRef], {
    description:
      'Products customers bought together with this one, best first (co-purchases scored so a best-seller does not top every list), then best-sellers of its category. Never this product, never an archived one. Learned from paid orders within seconds.',
  })
  alsoBought(
    @Root() product: ProductRef,
    @Args(() => RecommendationListArgs) { first }: RecommendationListArgs,
    @Ctx() { recommendations }: RecommendationsContext,
  ): Promise<ProductRef[]> {
    return recommendations.alsoBought(product.id, first).then((ids) => ids.map(productRef));
  }

  @Directive(PARTNER_TAG)
  @Query(() => [ProductRef], { description: 'The best-selling products (paid orders), of one category or overall; never an archived one.' })
  popularProducts(
    @Args(() => PopularProductsArgs) { categoryId, first }: PopularProductsArgs,
    @Ctx() { recommendations }: RecommendationsContext,
  ): Promise<ProductRef[]> {
    return recommendations.popular(categoryId, first).then((ids) => ids.map(productRef));
  }

  @Mutation(() => Boolean, {
    description:
      'Tells recommendations you looked at this product: it steers your own recommendations only. Signed-in customers; repeating it is harmless.',
  })
  productViewed(@Arg('productId', () => ID) productId: string, @Ctx() { recommendations }: RecommendationsContext): Promise<boolean> {
    return recommendations.viewed(productId);
  }
}

/** `User.recommendedProducts`. */
@Resolver(() => UserRef)
export class UserRecommendationResolver {
  @FieldResolver(() => [ProductRef], {
    description:
      'Products for you: bought with what you bought or viewed, then best-sellers of those categories, then best-sellers; never what you bought already. For the user themself only.',
  })
  recommendedProducts(
    @Root() user: UserRef,
    @Args(() => RecommendationListArgs) { first }: RecommendationListArgs,
    @Ctx() { recommendations }: RecommendationsContext,
  ): Promise<ProductRef[]> {
    return recommendations.recommendedFor(user.id, first).then((ids) => ids.map(productRef));
  }
}
