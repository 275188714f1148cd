import { ArgsType, Field, ID } from 'type-graphql';

/**
 * `(id: ID, slug: String)`: the two ways a storefront addresses a product or a category. An args class rather
 * than two @Arg parameters so the SDL lists them in this order.
 */
@ArgsType()
export class IdOrSlugArgs {
  @Field(() => ID, { nullable: true })
  id?: string | null;

  @Field(() => String, { nullable: true })
  slug?: string | null;
}
