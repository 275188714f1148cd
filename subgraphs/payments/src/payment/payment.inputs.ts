import { Field, ID, InputType, Int } from 'type-graphql';
import type { CardDetails } from '../provider/payment-provider';

/** Shapes only: the card rules (Luhn, expiry, CVC) live in provider/card.ts so every caller gets them. */
@InputType('CardInput', { description: 'A card to charge. Only its last four digits and brand are ever kept.' })
export class CardInput implements CardDetails {
  @Field({ description: '12 to 19 digits; spaces and dashes between them are ignored.' })
  number!: string;

  @Field(() => Int, { description: '1 to 12.' })
  expMonth!: number;

  @Field(() => Int, { description: 'Four digits, e.g. 2030.' })
  expYear!: number;

  @Field({ description: '3 digits (4 for American Express).' })
  cvc!: string;
}

@InputType('ConfirmPaymentInput')
export class ConfirmPaymentInput {
  @Field(() => ID, { description: 'The order to pay; its total is the amount charged.' })
  orderId!: string;

  @Field(() => CardInput)
  card!: CardInput;
}
