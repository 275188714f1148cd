import { Money, CACHE_PRIVATE } from '@techally/platform';
import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { UserReference } from '../user/user.type';
import { OrderItemType } from './order-item.type';
import { OrderStatus } from './order-status';
import { OrderStatusChangeType } from './order-status-change.type';
import { ShippingAddressType } from './shipping-address.type';

registerEnumType(OrderStatus, {
  name: 'OrderStatus',
  description: 'Where an order is in its life. CANCELLED and REFUNDED are final.',
  valuesConfig: {
    PENDING: { description: 'Placed; nothing reserved or charged yet.' },
    AWAITING_PAYMENT: { description: 'Stock reserved, payment asked for.' },
    PAID: { description: 'Paid; waiting to be shipped.' },
    FULFILLED: { description: 'Handed to the carrier.' },
    CANCELLED: { description: 'Cancelled before it was paid (see cancellationReason); a payment that came too late is refunded.' },
    REFUNDED: { description: 'Paid, then refunded.' },
  },
});

/**
 * The public contract of an order. Resolvers return the `Order` entity; the fields whose shape differs from
 * the entity (money, the customer reference, items, history, address) are resolved in order-fields.resolver.ts.
 *
 * Personal data: only its customer and administrators see an order, here and through `_entities`; no field
 * is tagged for partners.
 */
@ObjectType('Order', { description: 'What a customer bought, at the prices of the moment they bought it.' })
@Directive('@key(fields: "id")')
@Directive(CACHE_PRIVATE)
export class OrderType {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'Human-readable and unique, e.g. "TA-100042": for receipts and support.' })
  number!: string;

  @Field(() => OrderStatus)
  status!: OrderStatus;

  @Field(() => UserReference, { description: 'Who placed it (the users subgraph resolves the rest).' })
  customer!: UserReference;

  @Field(() => [OrderItemType], { description: 'The lines, in the order they were placed in.' })
  items!: OrderItemType[];

  @Field(() => Money, { description: 'The lines together.' })
  subtotal!: Money;

  @Field(() => Money, { description: 'By the shop’s shipping policy: free from $100.00 of goods.' })
  shipping!: Money;

  @Field(() => Money, { description: 'On subtotal and shipping, by destination country.' })
  tax!: Money;

  @Field(() => Money, { description: 'subtotal + shipping + tax: what the customer pays.' })
  total!: Money;

  @Field(() => ShippingAddressType)
  shippingAddress!: ShippingAddressType;

  @Field(() => [OrderStatusChangeType], { description: 'Every status the order has had, oldest first.' })
  statusHistory!: OrderStatusChangeType[];

  @Field(() => Date)
  placedAt!: Date;

  @Field(() => Date, { description: 'When the status last changed.' })
  updatedAt!: Date;

  @Field(() => Date, {
    nullable: true,
    description:
      'While AWAITING_PAYMENT: the time by which the order must be paid (when its stock reservation expires); after it, an unpaid order is cancelled (RESERVATION_EXPIRED). Null until stock was reserved.',
  })
  paymentDueAt!: Date | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Why a CANCELLED order was cancelled, as a stable code: OUT_OF_STOCK (stock could not be reserved), PAYMENT_FAILED (declined or abandoned), PAYMENT_AMOUNT_MISMATCH (the payment did not match the total; refunded), PAYMENT_REFUNDED (refunded before the payment was recorded), RESERVATION_EXPIRED (not paid in time), STOCK_NOT_CONFIRMED (inventory did not answer in time), CUSTOMER_REQUESTED or ADMIN_REQUESTED (cancelOrder). Null for any other status, and for orders cancelled before the codes existed. New codes may be added: treat an unknown one as a generic cancellation.',
  })
  cancellationReason!: string | null;
}
