import { Field, ID, InputType } from 'type-graphql';
import { RateTier } from './rate-tier';

// No validation decorators: the rules (and their error codes) live in the service.

@InputType('CreateApiKeyInput')
export class CreateApiKeyInput {
  @Field({ description: 'What the key is for (the partner and its app); 1 to 100 characters.' })
  name!: string;

  @Field(() => ID, { description: 'The user the key is issued to.' })
  ownerId!: string;

  @Field(() => RateTier)
  tier!: RateTier;

  @Field(() => Date, { description: 'When the key stops working: in the future, at most 366 days ahead.' })
  expiresAt!: Date;
}
