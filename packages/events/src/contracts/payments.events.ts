import type { EventMoney } from './money.contract';
import { money } from './money.contract';
import { code, object, optional, uuid, type Validator } from './payload-validators';

/** `payments.payment-succeeded.v1` — the money was captured; the order may become PAID. */
export interface PaymentSucceededV1 {
  readonly orderId: string;
  readonly paymentId: string;
  /** What was charged; consumers check it against the order before acting. */
  readonly amount: EventMoney;
}

/** `payments.payment-failed.v1` — the charge was declined or abandoned; the order is cancelled. */
export interface PaymentFailedV1 {
  readonly orderId: string;
  readonly paymentId: string;
  /** The provider's reason, normalised (`card_declined`, `insufficient_funds`, `expired`, …). */
  readonly failureCode: string;
}

/** `payments.payment-refunded.v1` — the money went back (e.g. paid after the reservation expired). */
export interface PaymentRefundedV1 {
  readonly orderId: string;
  readonly paymentId: string;
  /** What went back (issue #14: the refund notice and the sales figures); optional, older events lack it. */
  readonly amount?: EventMoney;
  /** Why, as a code (`REQUESTED_BY_ADMIN`, `PAID_AFTER_EXPIRY`, …); optional, older events lack it. */
  readonly reason?: string;
}

export const paymentSucceededV1: Validator<PaymentSucceededV1> = object({ orderId: uuid, paymentId: uuid, amount: money });
export const paymentFailedV1: Validator<PaymentFailedV1> = object({ orderId: uuid, paymentId: uuid, failureCode: code });
export const paymentRefundedV1: Validator<PaymentRefundedV1> = object({
  orderId: uuid,
  paymentId: uuid,
  amount: optional(money),
  reason: optional(code),
});
