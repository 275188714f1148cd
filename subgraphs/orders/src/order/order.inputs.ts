import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '@techally/platform';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import type { PlaceOrderRequest } from '../checkout/place-order.validation';
import { OrderStatus } from './order-status';

/**
 * Input shapes only: the rules (line count, quantities, key format) live in place-order.validation.ts, so their
 * errors name the offending field. There is deliberately no price in any input: the server prices orders.
 */
@InputType('OrderLineInput')
export class OrderLineInput {
  @Field(() => ID)
  productId!: string;

  @Field(() => Int, { description: '1 to 99.' })
  quantity!: number;
}

@InputType('PlaceOrderInput')
export class PlaceOrderInput implements PlaceOrderRequest {
  @Field(() => [OrderLineInput], { description: '1 to 50 lines, each product at most once.' })
  items!: OrderLineInput[];

  @Field(() => ID, { description: 'One of the caller’s own addresses (users subgraph); copied into the order.' })
  shippingAddressId!: string;

  @Field({
    description:
      '8 to 100 characters of [A-Za-z0-9_-], new for each checkout (a UUID works). A retry with the same key and the same cart returns the order already placed.',
  })
  idempotencyKey!: string;
}

@InputType('OrderFilter', { description: 'Narrows the order listing; all given conditions must hold.' })
export class OrderFilter {
  @Field(() => OrderStatus, { nullable: true })
  status?: OrderStatus | null;

  @Field(() => ID, { nullable: true, description: 'Orders of this user only.' })
  customerId?: string | null;
}

@ArgsType()
export class OrdersArgs {
  @Field(() => OrderFilter, { nullable: true })
  filter?: OrderFilter | null;

  @Field(() => Int, { nullable: true, defaultValue: DEFAULT_PAGE_SIZE, description: `Page size, 1 to ${MAX_PAGE_SIZE}.` })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'The `cursor` of the last order already seen.' })
  after?: string | null;
}

@ArgsType()
export class UserOrdersArgs {
  @Field(() => Int, { nullable: true, defaultValue: DEFAULT_PAGE_SIZE, description: `Page size, 1 to ${MAX_PAGE_SIZE}.` })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'The `cursor` of the last order already seen.' })
  after?: string | null;
}
