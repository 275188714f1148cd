import { Field, ObjectType } from 'type-graphql';

/** The address an order ships to, copied from the customer's address book when it was placed. */
@ObjectType('ShippingAddress', {
  description: 'Where an order ships to: a copy of the address as it was when the order was placed.',
})
export class ShippingAddressType {
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
}
