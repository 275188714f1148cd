import { PARTNER_TAG } from '@techally/platform';
import { ArgsType, Directive, Field, ID } from 'type-graphql';

/**
 * `(id: ID, slug: String)`: the two ways a storefront addresses a product or a category. An args class rather
 * than two @Arg parameters so the SDL lists them in this order. Tagged for partners, who look products and
 * categories up the same two ways.
 */
@ArgsType()
export class IdOrSlugArgs {
  @Directive(PARTNER_TAG)
  @Field(() => ID, { nullable: true })
  id?: string | null;

  @Directive(PARTNER_TAG)
  @Field(() => String, { nullable: true })
  slug?: string | null;
}
