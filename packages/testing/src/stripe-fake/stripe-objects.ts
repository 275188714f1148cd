/** The Stripe API objects the fake answers with, as JSON: the fields it keeps (Stripe's objects have many more). */

export type FakeIntentStatus = 'requires_payment_method' | 'requires_confirmation' | 'succeeded' | 'canceled';

/** https://docs.stripe.com/api/payment_intents/object */
export interface FakePaymentIntentJson {
  id: string;
  object: 'payment_intent';
  amount: number;
  amount_capturable: number;
  amount_received: number;
  canceled_at: number | null;
  cancellation_reason: string | null;
  capture_method: 'automatic';
  client_secret: string;
  confirmation_method: 'automatic';
  created: number;
  currency: string;
  description: string | null;
  last_payment_error: FakeLastPaymentError | null;
  latest_charge: string | null;
  livemode: false;
  metadata: Record<string, string>;
  payment_method: string | null;
  payment_method_types: string[];
  status: FakeIntentStatus;
}

export interface FakeLastPaymentError {
  type: 'card_error';
  code: string;
  decline_code?: string;
  message: string;
  charge: string;
  payment_method: FakePaymentMethodJson;
}

export interface FakePaymentMethodJson {
  id: string;
  object: 'payment_method';
  type: 'card';
  card: { brand: string; last4: string };
}

export interface FakeChargeJson {
  id: string;
  object: 'charge';
  amount: number;
  amount_captured: number;
  amount_refunded: number;
  captured: boolean;
  created: number;
  currency: string;
  failure_code: string | null;
  failure_message: string | null;
  livemode: false;
  metadata: Record<string, string>;
  paid: boolean;
  payment_intent: string;
  payment_method: string;
  refunded: boolean;
  status: 'succeeded' | 'failed';
}

export interface FakeRefundJson {
  id: string;
  object: 'refund';
  amount: number;
  charge: string;
  created: number;
  currency: string;
  metadata: Record<string, string>;
  payment_intent: string;
  reason: string | null;
  status: 'succeeded';
}
