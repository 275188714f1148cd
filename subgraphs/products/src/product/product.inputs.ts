import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import type { NewProduct, ProductChanges } from './product.service';

/**
 * Input shapes only: the rules (SKU format, price bounds, supported currencies...) live in the service, so
 * they hold for every caller and their errors name the offending field.
 */
@InputType('MoneyInput', { description: 'An amount in minor units (1999 is 19.99) and its ISO 4217 currency.' })
export class MoneyInput {
  @Field(() => Int)
  amount!: number;

  @Field()
  currency!: string;
}

@InputType('CreateProductInput')
export class CreateProductInput implements NewProduct {
  @Field({ description: 'Uppercase letters, digits and dashes, 3 to 32 characters; unique.' })
  sku!: string;

  @Field()
  name!: string;

  @Field()
  description!: string;

  @Field(() => MoneyInput)
  price!: MoneyInput;

  @Field(() => ID)
  categoryId!: string;

  @Field(() => Int, { description: 'Shipping weight in grams.' })
  weight!: number;

  @Field(() => String, { nullable: true, description: 'Generated from the name when omitted.' })
  slug?: string | null;
}

@InputType('UpdateProductInput', { description: 'Only the fields given change. The SKU never changes.' })
export class UpdateProductInput implements ProductChanges {
  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => MoneyInput, { nullable: true })
  price?: MoneyInput | null;

  @Field(() => ID, { nullable: true })
  categoryId?: string | null;

  @Field(() => Int, { nullable: true, description: 'Shipping weight in grams.' })
  weight?: number | null;

  @Field(() => String, { nullable: true, description: 'Kept when the name changes; pass it to change it.' })
  slug?: string | null;
}

@ArgsType()
export class UpdateProductArgs {
  @Field(() => ID)
  id!: string;

  @Field(() => UpdateProductInput)
  input!: UpdateProductInput;
}
