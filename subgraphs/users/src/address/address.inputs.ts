import { Field, InputType } from 'type-graphql';

// Validation (lengths, country code, phone) lives in address.fields.ts, with BAD_USER_INPUT naming the field.

@InputType('AddAddressInput')
export class AddAddressInput {
  @Field(() => String, { nullable: true }) label?: string | null;
  @Field() fullName!: string;
  @Field() line1!: string;
  @Field(() => String, { nullable: true }) line2?: string | null;
  @Field() city!: string;
  @Field(() => String, { nullable: true }) region?: string | null;
  @Field() postalCode!: string;
  @Field({ description: 'ISO 3166-1 alpha-2 code, e.g. "US".' }) country!: string;
  @Field(() => String, { nullable: true }) phone?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'Make it the default; the first address always is.' })
  isDefault?: boolean | null;
}

@InputType('UpdateAddressInput', { description: 'Only the fields given change; null clears an optional field.' })
export class UpdateAddressInput {
  @Field(() => String, { nullable: true }) label?: string | null;
  @Field(() => String, { nullable: true }) fullName?: string | null;
  @Field(() => String, { nullable: true }) line1?: string | null;
  @Field(() => String, { nullable: true }) line2?: string | null;
  @Field(() => String, { nullable: true }) city?: string | null;
  @Field(() => String, { nullable: true }) region?: string | null;
  @Field(() => String, { nullable: true }) postalCode?: string | null;
  @Field(() => String, { nullable: true }) country?: string | null;
  @Field(() => String, { nullable: true }) phone?: string | null;
  @Field(() => Boolean, { nullable: true }) isDefault?: boolean | null;
}
