import { Field, InputType } from 'type-graphql';

// Inputs carry no validation decorators: the rules (and their error codes) live in the services.

@InputType('SignUpInput')
export class SignUpInput {
  @Field({ description: 'Becomes the log-in; compared case-insensitively.' })
  email!: string;

  @Field({ description: '10 to 128 characters, not a common password, not containing the email\'s name part.' })
  password!: string;

  @Field()
  name!: string;
}

@InputType('UpdateProfileInput', { description: 'Only the fields given change.' })
export class UpdateProfileInput {
  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => String, { nullable: true })
  email?: string | null;
}
