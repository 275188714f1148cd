import { CACHE_PRIVATE } from '@techally/platform';
import { Arg, Args, Ctx, Directive, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { ReviewsContext } from '../context';
import type { Review } from './review.entity';
import { AddReviewInput, ModerateReviewArgs, UpdateReviewArgs } from './review.inputs';
import { ReviewType } from './review.type';

/** The review query and mutations: parse the arguments, call the request's ReviewService, return. */
@Resolver(() => ReviewType)
export class ReviewResolver {
  @Directive(CACHE_PRIVATE)
  @Query(() => ReviewType, {
    nullable: true,
    description: 'A review by id; null when there is none, or when it is hidden and you are neither its author nor an administrator.',
  })
  review(@Arg('id', () => ID) id: string, @Ctx() { reviews }: ReviewsContext): Promise<Review | null> {
    return reviews.visibleById(id);
  }

  @Mutation(() => ReviewType, {
    description: 'Reviews an active product, once per customer and product (REVIEW_ALREADY_EXISTS otherwise). Signed-in users.',
  })
  addReview(@Arg('input', () => AddReviewInput) input: AddReviewInput, @Ctx() { reviews }: ReviewsContext): Promise<Review> {
    return reviews.add(input);
  }

  @Mutation(() => ReviewType, { description: 'Changes the given fields of your own review.' })
  updateReview(@Args(() => UpdateReviewArgs) { id, input }: UpdateReviewArgs, @Ctx() { reviews }: ReviewsContext): Promise<Review> {
    return reviews.update(id, input);
  }

  @Mutation(() => Boolean, { description: 'Deletes your own review (administrators: any review).' })
  deleteReview(@Arg('id', () => ID) id: string, @Ctx() { reviews }: ReviewsContext): Promise<boolean> {
    return reviews.delete(id);
  }

  @Mutation(() => ReviewType, {
    description: 'Hides a review from its product and rating, or shows it again (administrators only).',
  })
  moderateReview(
    @Args(() => ModerateReviewArgs) { id, hidden, reason }: ModerateReviewArgs,
    @Ctx() { reviews }: ReviewsContext,
  ): Promise<Review> {
    return reviews.moderate(id, hidden, reason);
  }
}
