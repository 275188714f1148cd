import { randomBytes } from 'node:crypto';
import { FakeApiError } from './api-error';
import type { FormParams, FormValue } from './form-encoding';
import type { FakeChargeJson, FakeIntentStatus, FakePaymentIntentJson, FakePaymentMethodJson, FakeRefundJson } from './stripe-objects';
import { TEST_PAYMENT_METHODS } from './test-payment-methods';

/** What the fake knows of one intent: the API object, every charge (failed ones too), its refunds. */
export interface FakePaymentIntentRecord {
  readonly intent: FakePaymentIntentJson;
  readonly charges: readonly FakeChargeJson[];
  readonly refunds: readonly FakeRefundJson[];
}

/** A state change the fake tells webhooks about. */
export type EmitEvent = (type: FakeEventType, object: FakePaymentIntentJson | FakeChargeJson) => void;
export type FakeEventType = 'payment_intent.succeeded' | 'payment_intent.payment_failed' | 'payment_intent.canceled' | 'charge.refunded';

/** Stripe's smallest chargeable amounts (https://docs.stripe.com/currencies#minimum-and-maximum-charge-amounts). */
const MINIMUM_AMOUNT: Readonly<Record<string, number>> = { usd: 50, eur: 50, gbp: 30 };
const CONFIRMABLE: ReadonlySet<FakeIntentStatus> = new Set(['requires_payment_method', 'requires_confirmation']);
const CANCELABLE: ReadonlySet<FakeIntentStatus> = new Set(['requires_payment_method', 'requires_confirmation']);

/**
 * The fake's PaymentIntents, charges and refunds, with Stripe's state rules: an intent is confirmed with a test
 * PaymentMethod (see {@link TEST_PAYMENT_METHODS}); a decline leaves it `requires_payment_method` with
 * `last_payment_error` and answers 402; a succeeded or canceled intent cannot be confirmed or canceled again
 * (`payment_intent_unexpected_state`); refunds never exceed what was charged. Each handler validates its
 * parameters first (errors that Stripe does not store under the idempotency key) and only then changes state.
 */
export class PaymentIntentLedger {
  private readonly records = new Map<string, { intent: FakePaymentIntentJson; charges: FakeChargeJson[]; refunds: FakeRefundJson[] }>();

  create(params: FormParams): FakePaymentIntentJson {
    // API 2026-10-28 (the SDK's) took `payment_method_types` off create: it is an unknown parameter here too.
    onlyParams(params, ['amount', 'currency', 'metadata', 'allowed_payment_method_types', 'automatic_payment_methods', 'description', 'expand']);
    const amount = integerParam(params, 'amount');
    const currency = stringParam(params, 'currency').toLowerCase();
    if (!/^[a-z]{3}$/.test(currency)) throw FakeApiError.parameterInvalid('currency', 'parameter_invalid_string', `Invalid currency: ${currency}.`);
    if (amount < 0) throw FakeApiError.parameterInvalid('amount', 'parameter_invalid_integer', 'This value must be greater than or equal to 0.');
    const minimum = MINIMUM_AMOUNT[currency] ?? 50;
    if (amount < minimum) {
      throw FakeApiError.parameterInvalid('amount', 'amount_too_small', `Amount must be at least ${minimum} minor units of ${currency}.`);
    }
    const types = params['allowed_payment_method_types'] ?? ['card'];
    if (!Array.isArray(types) || types.some((type) => type !== 'card')) {
      throw FakeApiError.parameterInvalid('allowed_payment_method_types', 'parameter_invalid_string', 'The Stripe fake supports the payment method type "card" only.');
    }
    const id = fakeId('pi');
    const intent: FakePaymentIntentJson = {
      id,
      object: 'payment_intent',
      amount,
      amount_capturable: 0,
      amount_received: 0,
      canceled_at: null,
      cancellation_reason: null,
      capture_method: 'automatic',
      client_secret: `${id}_secret_${fakeId('').slice(1)}`,
      confirmation_method: 'automatic',
      created: now(),
      currency,
      description: optionalString(params, 'description'),
      last_payment_error: null,
      latest_charge: null,
      livemode: false,
      metadata: metadataParam(params),
      payment_method: null,
      payment_method_types: ['card'],
      status: 'requires_payment_method',
    };
    this.records.set(id, { intent, charges: [], refunds: [] });
    return clone(intent);
  }

  retrieve(id: string, params: FormParams): FakePaymentIntentJson {
    onlyParams(params, ['expand', 'client_secret']);
    return clone(this.record(id, 'intent', 404).intent);
  }

  /** A 402 {@link FakeApiError} for a decline (after recording it), else the succeeded intent. */
  confirm(id: string, params: FormParams, emit: EmitEvent): FakePaymentIntentJson {
    onlyParams(params, ['payment_method', 'expand', 'return_url']);
    const record = this.record(id, 'intent', 404);
    const paymentMethod = optionalString(params, 'payment_method') ?? record.intent.payment_method;
    const method = paymentMethod ? TEST_PAYMENT_METHODS[paymentMethod] : undefined;
    if (paymentMethod && !method) throw FakeApiError.resourceMissing('PaymentMethod', paymentMethod, 'payment_method', 400);
    const { intent } = record;
    if (intent.status === 'succeeded') {
      throw FakeApiError.unexpectedState('You cannot confirm this PaymentIntent because it has already succeeded after being previously confirmed.', clone(intent));
    }
    if (!CONFIRMABLE.has(intent.status)) {
      throw FakeApiError.unexpectedState(
        `You cannot confirm this PaymentIntent because it has a status of ${intent.status}. Only a PaymentIntent with one of the following statuses may be confirmed: requires_confirmation, requires_payment_method.`,
        clone(intent),
      );
    }
    if (!paymentMethod || !method) {
      throw FakeApiError.unexpectedState(
        "You cannot confirm this PaymentIntent because it's missing a payment method. Update the PaymentIntent with a payment method and then confirm it again.",
        clone(intent),
      );
    }
    const methodJson: FakePaymentMethodJson = { id: fakeId('pm'), object: 'payment_method', type: 'card', card: { brand: method.brand, last4: method.last4 } };
    const charge = this.charge(intent, methodJson.id, method.decline);
    record.charges.push(charge);
    intent.latest_charge = charge.id;
    if (method.decline) {
      intent.status = 'requires_payment_method';
      intent.payment_method = null;
      intent.last_payment_error = { type: 'card_error', ...method.decline, charge: charge.id, payment_method: methodJson };
      emit('payment_intent.payment_failed', clone(intent));
      throw new FakeApiError(
        402,
        { type: 'card_error', ...method.decline, charge: charge.id, payment_intent: clone(intent), payment_method: methodJson, doc_url: `https://docs.stripe.com/error-codes/${method.decline.code.replace(/_/g, '-')}` },
        true,
      );
    }
    intent.status = 'succeeded';
    intent.payment_method = methodJson.id;
    intent.amount_received = intent.amount;
    intent.last_payment_error = null;
    emit('payment_intent.succeeded', clone(intent));
    return clone(intent);
  }

  cancel(id: string, params: FormParams, emit: EmitEvent): FakePaymentIntentJson {
    onlyParams(params, ['cancellation_reason', 'expand']);
    const { intent } = this.record(id, 'intent', 404);
    if (!CANCELABLE.has(intent.status)) {
      throw FakeApiError.unexpectedState(
        `You cannot cancel this PaymentIntent because it has a status of ${intent.status}. Only a PaymentIntent with one of the following statuses may be canceled: requires_payment_method, requires_capture, requires_confirmation, requires_action, processing.`,
        clone(intent),
      );
    }
    intent.status = 'canceled';
    intent.canceled_at = now();
    intent.cancellation_reason = optionalString(params, 'cancellation_reason');
    emit('payment_intent.canceled', clone(intent));
    return clone(intent);
  }

  refund(params: FormParams, emit: EmitEvent): FakeRefundJson {
    onlyParams(params, ['payment_intent', 'amount', 'reason', 'metadata', 'expand']);
    const intentId = optionalString(params, 'payment_intent');
    if (!intentId) throw FakeApiError.parameterMissing('payment_intent');
    const requested = params['amount'] === undefined ? undefined : integerParam(params, 'amount');
    if (requested !== undefined && requested < 1) {
      throw FakeApiError.parameterInvalid('amount', 'parameter_invalid_integer', 'This value must be greater than or equal to 1.');
    }
    const record = this.record(intentId, 'payment_intent', 400);
    const charge = record.charges.find((candidate) => candidate.status === 'succeeded');
    if (record.intent.status !== 'succeeded' || !charge) {
      throw FakeApiError.unexpectedState(`This PaymentIntent (${intentId}) does not have a successful charge to refund.`, clone(record.intent));
    }
    const left = charge.amount - charge.amount_refunded;
    if (left === 0) throw FakeApiError.invalidRequest(`Charge ${charge.id} has already been refunded.`, { code: 'charge_already_refunded' });
    const amount = requested ?? left;
    if (amount > left) {
      throw FakeApiError.invalidRequest(`Refund amount (${amount}) is greater than unrefunded amount on charge (${left}).`, { code: 'amount_too_large', param: 'amount' });
    }
    charge.amount_refunded += amount;
    charge.refunded = charge.amount_refunded === charge.amount;
    const refund: FakeRefundJson = {
      id: fakeId('re'),
      object: 'refund',
      amount,
      charge: charge.id,
      created: now(),
      currency: charge.currency,
      metadata: metadataParam(params),
      payment_intent: intentId,
      reason: optionalString(params, 'reason'),
      status: 'succeeded',
    };
    record.refunds.push(refund);
    emit('charge.refunded', clone(charge));
    return clone(refund);
  }

  snapshot(): FakePaymentIntentRecord[] {
    return [...this.records.values()].map((record) => clone(record));
  }

  /** The intent named in the URL (param `intent`, 404) or in the body (param `payment_intent`, 400). */
  private record(id: string, param: 'intent' | 'payment_intent', status: 400 | 404) {
    const record = this.records.get(id);
    if (!record) throw FakeApiError.resourceMissing('payment_intent', id, param, status);
    return record;
  }

  private charge(intent: FakePaymentIntentJson, paymentMethod: string, decline: { code: string; message: string } | undefined): FakeChargeJson {
    return {
      id: fakeId('ch'),
      object: 'charge',
      amount: intent.amount,
      amount_captured: decline ? 0 : intent.amount,
      amount_refunded: 0,
      captured: !decline,
      created: now(),
      currency: intent.currency,
      failure_code: decline?.code ?? null,
      failure_message: decline?.message ?? null,
      livemode: false,
      // Stripe copies the intent's metadata onto the charges it creates.
      metadata: { ...intent.metadata },
      paid: !decline,
      payment_intent: intent.id,
      payment_method: paymentMethod,
      refunded: false,
      status: decline ? 'failed' : 'succeeded',
    };
  }
}

/** Stripe-style ids: a prefix and 24 random letters and digits (`pi_3Qx…`). */
export function fakeId(prefix: string): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  const bytes = randomBytes(24);
  let id = '';
  for (const byte of bytes) id += alphabet[byte % alphabet.length];
  return `${prefix}_${id}`;
}

function now(): number {
  return Math.floor(Date.now() / 1000);
}

function clone<T>(value: T): T {
  return structuredClone(value);
}

function onlyParams(params: FormParams, allowed: readonly string[]): void {
  for (const key of Object.keys(params)) if (!allowed.includes(key)) throw FakeApiError.parameterUnknown(key);
}

function stringParam(params: FormParams, name: string): string {
  const value = optionalString(params, name);
  if (value === null || value === '') throw FakeApiError.parameterMissing(name);
  return value;
}

function optionalString(params: FormParams, name: string): string | null {
  const value: FormValue | undefined = params[name];
  if (value === undefined) return null;
  if (typeof value !== 'string') throw FakeApiError.parameterInvalid(name, 'parameter_invalid_string', `Invalid string: ${name} must be a string.`);
  return value;
}

function integerParam(params: FormParams, name: string): number {
  const value = stringParam(params, name);
  if (!/^-?\d+$/.test(value)) throw FakeApiError.parameterInvalid(name, 'parameter_invalid_integer', `Invalid integer: ${value}`);
  return Number(value);
}

/** `metadata[k]=v`; an empty value unsets a key, as in Stripe. */
function metadataParam(params: FormParams): Record<string, string> {
  const value = params['metadata'];
  if (value === undefined || value === '') return {};
  if (typeof value !== 'object' || Array.isArray(value)) throw FakeApiError.parameterInvalid('metadata', 'parameter_invalid_string', 'Invalid object: metadata.');
  const metadata: Record<string, string> = {};
  for (const [key, entry] of Object.entries(value)) {
    if (typeof entry !== 'string') throw FakeApiError.parameterInvalid(`metadata[${key}]`, 'parameter_invalid_string', `Invalid string: metadata[${key}].`);
    if (entry !== '') metadata[key] = entry;
  }
  return metadata;
}
