import { MAX_PAGE_SIZE } from '@techally/platform';
import { ArgsType, Field, Int } from 'type-graphql';

/** Reviews shown with a product or a user unless the client asks for more. */
export const DEFAULT_REVIEWS_PAGE = 10;

/** `(first: Int = 10, after: String)` of `Product.reviews` and `User.reviews`. */
@ArgsType()
export class ReviewListArgs {
  @Field(() => Int, { nullable: true, defaultValue: DEFAULT_REVIEWS_PAGE, description: `Page size, 1 to ${MAX_PAGE_SIZE}.` })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'The `cursor` of the last review already seen.' })
  after?: string | null;
}
