import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { CACHE_PRIVATE } from '@techally/platform';

/** A postal address of a user; only they (and administrators) see it. */
@ObjectType('Address')
@Directive(CACHE_PRIVATE)
export class Address {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { nullable: true, description: 'The user\'s own name for it ("Home", "Office").' })
  label!: string | null;

  @Field({ description: 'Recipient.' })
  fullName!: string;

  @Field()
  line1!: string;

  @Field(() => String, { nullable: true })
  line2!: string | null;

  @Field()
  city!: string;

  @Field(() => String, { nullable: true, description: 'State, province or county, where the country uses one.' })
  region!: string | null;

  @Field()
  postalCode!: string;

  @Field({ description: 'ISO 3166-1 alpha-2 code, e.g. "US".' })
  country!: string;

  @Field(() => String, { nullable: true })
  phone!: string | null;

  @Field({ description: 'The address checkout proposes first; at most one per user.' })
  isDefault!: boolean;
}
