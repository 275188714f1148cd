import { ID, Arg, Query, Resolver, ObjectType, Field } from 'type-graphql';

@ObjectType('Payment')
export class PaymentType {
  @Field(() => ID)
  id!: string;
}

@Resolver(() => PaymentType)
export class PaymentResolver {
  @Query(() => PaymentType, { nullable: true })
  payment(@Arg('id', () => ID) _id: string): PaymentType | null {
    return null;
  }
}
