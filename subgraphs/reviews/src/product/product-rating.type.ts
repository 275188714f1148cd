import { PARTNER_TAG, CACHE_INHERIT } from '@techally/platform';
import { Directive, Field, Float, Int, ObjectType } from 'type-graphql';

/** Public and non-personal (no author, no text), so partners see it. */
@ObjectType('ProductRating', { description: 'What the visible reviews of a product add up to.' })
@Directive(CACHE_INHERIT)
export class ProductRating {
  @Directive(PARTNER_TAG)
  @Field(() => Float, { nullable: true, description: 'Mean stars, rounded to one decimal; null without reviews.' })
  average!: number | null;

  @Directive(PARTNER_TAG)
  @Field(() => Int, { description: 'Visible reviews.' })
  count!: number;
}
