import { DomainError } from '@techally/platform';
import { PaymentProviderError } from '../payment-provider';
import { SimulatedPaymentProvider, TEST_CARDS } from '../simulated.provider';

const NOW = new Date('2026-06-15T12:00:00Z');
const card = (number: string) => ({ number, expMonth: 12, expYear: 2030, cvc: '123' });

let provider: SimulatedPaymentProvider;
let keyNumber = 0;

beforeEach(() => {
  provider = new SimulatedPaymentProvider(() => NOW);
});

async function intent(amount = 5_000) {
  keyNumber += 1;
  return provider.createIntent({ amount, currency: 'USD', idempotencyKey: `order:${keyNumber}`, metadata: { orderId: `${keyNumber}` } });
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof PaymentProviderError || error instanceof DomainError) return error.code;
    throw error;
  }
  throw new Error('expected a failure');
}

describe('SimulatedPaymentProvider: Stripe test cards', () => {
  it('succeeds with 4242 4242 4242 4242 and charges once', async () => {
    const { reference, status } = await intent();
    expect(status).toBe('requires_payment_method');
    expect(await provider.confirm(reference, card('4242 4242 4242 4242'))).toEqual({ status: 'succeeded' });
    expect(provider.inspect(reference)).toMatchObject({ status: 'succeeded', charges: 1 });
  });

  it.each([
    [TEST_CARDS.DECLINED, 'card_declined'],
    [TEST_CARDS.INSUFFICIENT_FUNDS, 'insufficient_funds'],
    [TEST_CARDS.EXPIRED, 'expired_card'],
  ])('declines %s with %s, leaving the intent open for another card', async (number, code) => {
    const { reference } = await intent();
    expect(await provider.confirm(reference, card(number))).toEqual({ status: 'declined', code });
    expect(provider.inspect(reference)).toMatchObject({ status: 'requires_payment_method', charges: 0 });
    expect(await provider.confirm(reference, card(TEST_CARDS.SUCCEEDS))).toEqual({ status: 'succeeded' });
  });

  it('succeeds with any other Luhn-valid number', async () => {
    const { reference } = await intent();
    expect(await provider.confirm(reference, card('5555555555554444'))).toEqual({ status: 'succeeded' });
  });

  it('refuses a malformed card with BAD_USER_INPUT, as Stripe refuses it before asking the bank', async () => {
    const { reference } = await intent();
    expect(await codeOf(provider.confirm(reference, card('4242424242424241')))).toBe('BAD_USER_INPUT');
    expect(await codeOf(provider.confirm(reference, { ...card(TEST_CARDS.SUCCEEDS), expYear: 2025 }))).toBe('BAD_USER_INPUT');
    expect(await codeOf(provider.confirm(reference, { ...card(TEST_CARDS.SUCCEEDS), cvc: '1' }))).toBe('BAD_USER_INPUT');
    expect(provider.inspect(reference)).toMatchObject({ confirmations: 0, charges: 0 });
  });
});

describe('SimulatedPaymentProvider: intents', () => {
  it('answers the same intent for a repeated idempotency key, and refuses the key with another amount', async () => {
    const request = { amount: 1_000, currency: 'USD', idempotencyKey: 'order:same', metadata: { orderId: 'same' } };
    const first = await provider.createIntent(request);
    expect(await provider.createIntent(request)).toEqual(first);
    expect(await codeOf(provider.createIntent({ ...request, amount: 999 }))).toBe('idempotency_error');
  });

  it('never charges an intent twice: confirming a succeeded intent answers succeeded and charges nothing', async () => {
    const { reference } = await intent();
    await provider.confirm(reference, card(TEST_CARDS.SUCCEEDS));
    expect(await provider.confirm(reference, card(TEST_CARDS.SUCCEEDS))).toEqual({ status: 'succeeded' });
    expect(provider.inspect(reference).charges).toBe(1);
  });

  it('cancels an open intent, after which it cannot be confirmed; a succeeded one cannot be cancelled', async () => {
    const open = await intent();
    await provider.cancel(open.reference);
    expect(provider.inspect(open.reference).status).toBe('canceled');
    expect(await codeOf(provider.confirm(open.reference, card(TEST_CARDS.SUCCEEDS)))).toBe('payment_intent_unexpected_state');

    const paid = await intent();
    await provider.confirm(paid.reference, card(TEST_CARDS.SUCCEEDS));
    expect(await codeOf(provider.cancel(paid.reference))).toBe('payment_intent_unexpected_state');
  });

  it('refunds a succeeded intent fully or in part, never more than was charged, once per idempotency key', async () => {
    const { reference } = await intent(5_000);
    expect(await codeOf(provider.refund(reference))).toBe('payment_intent_unexpected_state');
    await provider.confirm(reference, card(TEST_CARDS.SUCCEEDS));
    expect((await provider.refund(reference, { amount: 1_000 })).amount).toBe(1_000);
    const rest = await provider.refund(reference, { idempotencyKey: 'refund-1' });
    expect(rest.amount).toBe(4_000);
    expect(await provider.refund(reference, { idempotencyKey: 'refund-1' })).toEqual(rest);
    expect(await codeOf(provider.refund(reference, { amount: 1 }))).toBe('amount_too_large');
    expect(provider.inspect(reference).refunded).toBe(5_000);
  });

  it('knows no intent it did not create', async () => {
    expect(await codeOf(provider.confirm('pi_unknown', card(TEST_CARDS.SUCCEEDS)))).toBe('resource_missing');
  });
});
