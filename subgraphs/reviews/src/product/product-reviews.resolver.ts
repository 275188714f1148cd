import { CACHE_NEVER, PARTNER_TAG } from '@techally/platform';
import { Args, Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import type { ReviewsContext } from '../context';
import { reviewConnection, ReviewConnection } from '../review/review.connection';
import { ReviewListArgs } from '../review/review-list.args';
import { ProductRating } from './product-rating.type';
import { ProductRef } from './product.type';

/** What reviews adds to a product. Both fields go through request-wide DataLoaders (issue #3). */
@Resolver(() => ProductRef)
export class ProductReviewsResolver {
  // An edit of a review's title or text changes no rating, so no event tells the cache: never cached.
  @Directive(CACHE_NEVER)
  @FieldResolver(() => ReviewConnection, { description: 'Its visible reviews, newest first.' })
  async reviews(
    @Root() product: ProductRef,
    @Args(() => ReviewListArgs) args: ReviewListArgs,
    @Ctx() { reviewLists }: ReviewsContext,
  ): Promise<ReviewConnection> {
    return reviewConnection(await reviewLists.ofProduct(product.id, args));
  }

  @Directive(PARTNER_TAG)
  @FieldResolver(() => ProductRating, { description: 'Average stars and count of its visible reviews.' })
  async rating(@Root() product: ProductRef, @Ctx() { reviewLists }: ReviewsContext): Promise<ProductRating> {
    const rating = new ProductRating();
    Object.assign(rating, await reviewLists.ratingOf(product.id));
    return rating;
  }
}
