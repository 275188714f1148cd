import { randomUUID } from 'node:crypto';
import { validateCard } from './card';
import {
  PaymentProviderError,
  type CardDetails,
  type ConfirmOutcome,
  type CreateIntentRequest,
  type IntentStatus,
  type PaymentIntent,
  type PaymentProvider,
  type RefundReceipt,
} from './payment-provider';
import { TEST_CARD_DECLINES } from './test-cards';

export { TEST_CARDS } from './test-cards';

interface SimulatedIntent {
  readonly reference: string;
  readonly amount: number;
  readonly currency: string;
  readonly orderId: string;
  status: IntentStatus;
  /** Successful charges: never more than one per intent. */
  charges: number;
  refunded: number;
  /** Confirmations, successful or not (each one a call a real provider would bill or log). */
  confirmations: number;
}

/**
 * The default provider: no network, no account, deterministic. Intents live in this object's memory, keyed by
 * idempotency key, so a repeated create answers the same intent, as Stripe's idempotency does for 24 hours.
 * Cards are checked as Stripe checks them (Luhn, expiry, CVC → BAD_USER_INPUT naming the field), then the test
 * card numbers decide the outcome. Nothing here keeps or logs a card number.
 */
export class SimulatedPaymentProvider implements PaymentProvider {
  readonly name = 'simulated';
  private readonly byKey = new Map<string, SimulatedIntent>();
  private readonly byReference = new Map<string, SimulatedIntent>();
  /** Idempotency keys of confirmations and refunds, with what they were first used for and answered. */
  private readonly confirmKeys = new Map<string, { reference: string; number: string; outcome: ConfirmOutcome }>();
  private readonly refundKeys = new Map<string, { reference: string; amount: number | undefined; receipt: RefundReceipt }>();

  constructor(private readonly clock: () => Date = () => new Date()) {}

  async createIntent(request: CreateIntentRequest): Promise<PaymentIntent> {
    const existing = this.byKey.get(request.idempotencyKey);
    if (existing) {
      if (existing.amount !== request.amount || existing.currency !== request.currency || existing.orderId !== request.metadata.orderId) {
        throw new PaymentProviderError(
          'idempotency_error',
          `Idempotency key ${request.idempotencyKey} was already used with other parameters.`,
        );
      }
      return snapshot(existing);
    }
    if (!Number.isInteger(request.amount) || request.amount < 1) {
      throw new PaymentProviderError('amount_too_small', 'An intent needs a positive whole amount of minor units.');
    }
    const intent: SimulatedIntent = {
      reference: `pi_sim_${randomUUID().replace(/-/g, '')}`,
      amount: request.amount,
      currency: request.currency,
      orderId: request.metadata.orderId,
      status: 'requires_payment_method',
      charges: 0,
      refunded: 0,
      confirmations: 0,
    };
    this.byKey.set(request.idempotencyKey, intent);
    this.byReference.set(intent.reference, intent);
    return snapshot(intent);
  }

  async confirm(reference: string, card: CardDetails, options: { idempotencyKey?: string } = {}): Promise<ConfirmOutcome> {
    const { number } = validateCard(card, this.clock());
    const earlier = options.idempotencyKey ? this.confirmKeys.get(options.idempotencyKey) : undefined;
    if (earlier) {
      // As Stripe: the same key answers the first answer again, and refuses other parameters.
      if (earlier.reference !== reference || earlier.number !== number) throw reusedKey(options.idempotencyKey as string);
      return earlier.outcome;
    }
    const intent = this.intent(reference);
    if (intent.status === 'succeeded') return { status: 'succeeded' };
    if (intent.status === 'canceled') {
      throw new PaymentProviderError('payment_intent_unexpected_state', `Intent ${reference} was canceled.`);
    }
    intent.confirmations += 1;
    const decline = TEST_CARD_DECLINES[number];
    let outcome: ConfirmOutcome;
    if (decline) {
      outcome = { status: 'declined', code: decline };
    } else {
      intent.status = 'succeeded';
      intent.charges += 1;
      outcome = { status: 'succeeded' };
    }
    if (options.idempotencyKey) this.confirmKeys.set(options.idempotencyKey, { reference, number, outcome });
    return outcome;
  }

  async cancel(reference: string): Promise<void> {
    const intent = this.intent(reference);
    if (intent.status === 'succeeded') {
      throw new PaymentProviderError('payment_intent_unexpected_state', `Intent ${reference} has succeeded; refund it instead.`);
    }
    intent.status = 'canceled';
  }

  async refund(reference: string, options: { amount?: number; idempotencyKey?: string } = {}): Promise<RefundReceipt> {
    const earlier = options.idempotencyKey ? this.refundKeys.get(options.idempotencyKey) : undefined;
    if (earlier) {
      if (earlier.reference !== reference || earlier.amount !== options.amount) throw reusedKey(options.idempotencyKey as string);
      return earlier.receipt;
    }
    const intent = this.intent(reference);
    if (intent.status !== 'succeeded') {
      throw new PaymentProviderError('payment_intent_unexpected_state', `Intent ${reference} has nothing to refund.`);
    }
    const left = intent.amount - intent.refunded;
    if (left === 0) throw new PaymentProviderError('charge_already_refunded', `Intent ${reference} has already been refunded.`);
    const amount = options.amount ?? left;
    if (!Number.isInteger(amount) || amount < 1 || amount > left) {
      throw new PaymentProviderError('amount_too_large', `Intent ${reference} has ${left} left to refund.`);
    }
    intent.refunded += amount;
    const receipt = { reference: `re_sim_${randomUUID().replace(/-/g, '')}`, amount };
    if (options.idempotencyKey) this.refundKeys.set(options.idempotencyKey, { reference, amount: options.amount, receipt });
    return receipt;
  }

  /** What the simulated provider knows of an intent (tests read charges and refunds from it). */
  inspect(reference: string): Readonly<{ status: IntentStatus; amount: number; currency: string; orderId: string; charges: number; refunded: number; confirmations: number }> {
    return { ...this.intent(reference) };
  }

  private intent(reference: string): SimulatedIntent {
    const intent = this.byReference.get(reference);
    if (!intent) throw new PaymentProviderError('resource_missing', `No such payment intent: ${reference}.`);
    return intent;
  }
}

function reusedKey(key: string): PaymentProviderError {
  return new PaymentProviderError('idempotency_error', `Idempotency key ${key} was already used with other parameters.`);
}

function snapshot(intent: SimulatedIntent): PaymentIntent {
  return { reference: intent.reference, status: intent.status, amount: intent.amount, currency: intent.currency };
}
