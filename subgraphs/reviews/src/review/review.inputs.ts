import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import type { NewReview, ReviewChanges } from './review.service';

/**
 * Input shapes only: the rules (stars 1 to 5, lengths) live in the service, so they hold for every caller
 * and their errors name the offending field.
 */
@InputType('AddReviewInput')
export class AddReviewInput implements NewReview {
  @Field(() => ID, { description: 'An active product of the catalog.' })
  productId!: string;

  @Field(() => Int, { description: 'Whole stars, 1 to 5.' })
  rating!: number;

  @Field({ description: '1 to 120 characters.' })
  title!: string;

  @Field({ description: '1 to 5,000 characters.' })
  body!: string;
}

@InputType('UpdateReviewInput', { description: 'Only the fields given change.' })
export class UpdateReviewInput implements ReviewChanges {
  @Field(() => Int, { nullable: true })
  rating?: number | null;

  @Field(() => String, { nullable: true })
  title?: string | null;

  @Field(() => String, { nullable: true })
  body?: string | null;
}

@ArgsType()
export class UpdateReviewArgs {
  @Field(() => ID)
  id!: string;

  @Field(() => UpdateReviewInput)
  input!: UpdateReviewInput;
}

@ArgsType()
export class ModerateReviewArgs {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'True hides the review from its product; false shows it again.' })
  hidden!: boolean;

  @Field(() => String, { nullable: true, description: 'Why, for the author; at most 500 characters. Cleared when shown again.' })
  reason?: string | null;
}
