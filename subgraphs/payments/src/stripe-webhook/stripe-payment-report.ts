import type Stripe from 'stripe';

/** The Stripe event types that move a payment; every other type is acknowledged and ignored. */
export const HANDLED_STRIPE_EVENTS = [
  'payment_intent.succeeded',
  'payment_intent.payment_failed',
  'payment_intent.canceled',
  'charge.refunded',
] as const;
export type HandledStripeEvent = (typeof HANDLED_STRIPE_EVENTS)[number];

/** What a verified Stripe event says about one of our payment intents, in our terms. */
export interface StripePaymentReport {
  /** Stripe's event id (`evt_…`): the deduplication key. */
  readonly eventId: string;
  readonly type: HandledStripeEvent;
  /** The PaymentIntent (`pi_…`) the event is about: how the payment is found. */
  readonly intentId: string;
  /** `metadata.orderId` as the event carries it (null when absent). */
  readonly orderId: string | null;
  /** Whether a missing `metadata.orderId` is acceptable: a Charge need not carry its intent's metadata. */
  readonly orderIdOptional: boolean;
  /** Minor units; what the intent (or charge) is for. */
  readonly amount: number | null;
  /** ISO 4217, upper case (Stripe writes `usd`). */
  readonly currency: string | null;
  /** `payment_intent.payment_failed`: the decline code (`card_declined`, `insufficient_funds`, …). */
  readonly failureCode: string | null;
  /** `charge.refunded`: whether the whole amount went back (Stripe sends the event for partial refunds too). */
  readonly fullyRefunded: boolean;
}

const CODE = /^[A-Za-z][A-Za-z0-9_.:-]{0,99}$/;

/**
 * Reads a verified event into a {@link StripePaymentReport}; null for a type this subgraph does not act on or an
 * object without an intent id. Defensive about shapes: `payment_intent.*` carry a PaymentIntent, `charge.refunded`
 * a Charge (whose `payment_intent` names the intent) — or, from simpler senders, the intent itself.
 */
export function readPaymentReport(event: Stripe.Event): StripePaymentReport | null {
  if (!(HANDLED_STRIPE_EVENTS as readonly string[]).includes(event.type)) return null;
  const type = event.type as HandledStripeEvent;
  const object = event.data.object as unknown as Record<string, unknown>;
  const isCharge = object['object'] === 'charge';
  const intentId = isCharge ? idOf(object['payment_intent']) : idOf(object['id']);
  if (!intentId) return null;
  const amount = typeof object['amount'] === 'number' ? object['amount'] : null;
  const metadata = (object['metadata'] ?? {}) as Record<string, unknown>;
  const lastError = (object['last_payment_error'] ?? null) as Record<string, unknown> | null;
  const declineCode = lastError?.['decline_code'] ?? lastError?.['code'];
  const amountRefunded = typeof object['amount_refunded'] === 'number' ? object['amount_refunded'] : null;
  return {
    eventId: event.id,
    type,
    intentId,
    orderId: typeof metadata['orderId'] === 'string' ? metadata['orderId'] : null,
    orderIdOptional: isCharge,
    amount,
    currency: typeof object['currency'] === 'string' ? object['currency'].toUpperCase() : null,
    failureCode: typeof declineCode === 'string' && CODE.test(declineCode) ? declineCode : null,
    // A Charge says whether it is refunded in full; an intent object (no refund fields) is taken as a full refund.
    fullyRefunded: isCharge ? object['refunded'] === true || (amount !== null && amountRefunded !== null && amountRefunded >= amount) : true,
  };
}

function idOf(value: unknown): string | null {
  if (typeof value === 'string' && value) return value;
  if (value && typeof value === 'object' && typeof (value as { id?: unknown }).id === 'string') return (value as { id: string }).id;
  return null;
}
