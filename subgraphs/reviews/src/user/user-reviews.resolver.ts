import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { ReviewsContext } from '../context';
import { reviewConnection, ReviewConnection } from '../review/review.connection';
import { ReviewListArgs } from '../review/review-list.args';
import { UserRef } from './user.type';

/** What reviews adds to a user: the reviews they wrote, through a request-wide DataLoader. */
@Resolver(() => UserRef)
export class UserReviewsResolver {
  @FieldResolver(() => ReviewConnection, {
    description: 'Reviews they wrote, newest first: the visible ones, and hidden ones too for themself and administrators.',
  })
  async reviews(
    @Root() user: UserRef,
    @Args(() => ReviewListArgs) args: ReviewListArgs,
    @Ctx() { reviewLists }: ReviewsContext,
  ): Promise<ReviewConnection> {
    return reviewConnection(await reviewLists.ofAuthor(user.id, args));
  }
}
