import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { CACHE_INHERIT } from '@techally/platform';

/**
 * The public contract of a review. Resolvers return the `Review` entity; `author` and `product` are entity
 * references resolved in review-fields.resolver.ts (the users and products subgraphs fill in the rest).
 *
 * A hidden review reaches only its author and administrators, whichever way it is asked for (see
 * review.visibility.ts), so `hidden` and `hiddenReason` are only ever read by them.
 */
@ObjectType('Review', { description: 'What a customer says about a product: stars, a title and a text.' })
@Directive('@key(fields: "id")')
@Directive(CACHE_INHERIT)
export class ReviewType {
  @Field(() => ID)
  id!: string;

  @Field(() => Int, { description: 'Whole stars, 1 to 5.' })
  rating!: number;

  @Field({ description: '1 to 120 characters.' })
  title!: string;

  @Field({ description: '1 to 5,000 characters.' })
  body!: string;

  @Field({ description: 'Hidden by a moderator: out of the product\'s reviews and rating. Only its author and administrators see it.' })
  hidden!: boolean;

  @Field(() => String, { nullable: true, description: 'The moderator\'s reason, when hidden with one.' })
  hiddenReason!: string | null;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date)
  updatedAt!: Date;
}
