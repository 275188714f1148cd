import { randomUUID } from 'node:crypto';
import { DomainError } from '@techally/platform';
import { PaymentProviderError, type PaymentProvider } from '../payment-provider';
import { TEST_CARDS } from '../test-cards';

/** A provider with a way to see what it really charged (its own books, or the Stripe fake's). */
export interface ProviderUnderTest {
  readonly provider: PaymentProvider;
  /** Successful charges on the intent: never more than one. */
  charges(reference: string): number;
  /** Minor units refunded on the intent so far. */
  refunded(reference: string): number;
}

const card = (number: string) => ({ number, expMonth: 12, expYear: new Date().getUTCFullYear() + 2, cvc: '123' });

/** The code of the PaymentProviderError (or DomainError) the promise fails with. */
export async function failureCode(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof PaymentProviderError || error instanceof DomainError) return error.code;
    throw error;
  }
  throw new Error('expected a failure');
}

/**
 * The behaviours every PaymentProvider shares (payment-provider.ts), run against the simulated provider and
 * against the Stripe provider on the Stripe fake: what payments relies on must not depend on which one runs.
 */
export function describeProviderContract(name: string, subject: () => ProviderUnderTest): void {
  describe(`PaymentProvider contract: ${name}`, () => {
    const provider = () => subject().provider;
    const newIntent = (amount = 5_000, currency = 'USD') => {
      const orderId = randomUUID();
      return provider().createIntent({ amount, currency, idempotencyKey: `order:${orderId}`, metadata: { orderId } });
    };

    describe('createIntent', () => {
      it('opens an intent for the amount in minor units, the currency as the graph writes it', async () => {
        const intent = await newIntent(12_345, 'EUR');
        expect(intent).toEqual({ reference: expect.any(String), status: 'requires_payment_method', amount: 12_345, currency: 'EUR' });
      });

      it('answers the same intent for a repeated idempotency key', async () => {
        const request = { amount: 1_000, currency: 'USD', idempotencyKey: `order:${randomUUID()}`, metadata: { orderId: 'same' } };
        const first = await provider().createIntent(request);
        const again = await provider().createIntent(request);
        expect({ reference: again.reference, amount: again.amount, currency: again.currency }).toEqual({
          reference: first.reference,
          amount: 1_000,
          currency: 'USD',
        });
      });

      it('refuses the key reused with another amount, currency or order: idempotency_error', async () => {
        const request = { amount: 1_000, currency: 'USD', idempotencyKey: `order:${randomUUID()}`, metadata: { orderId: 'first' } };
        await provider().createIntent(request);
        expect(await failureCode(provider().createIntent({ ...request, amount: 999 }))).toBe('idempotency_error');
        expect(await failureCode(provider().createIntent({ ...request, currency: 'EUR' }))).toBe('idempotency_error');
        expect(await failureCode(provider().createIntent({ ...request, metadata: { orderId: 'other' } }))).toBe('idempotency_error');
      });

      it('refuses a zero amount: amount_too_small', async () => {
        expect(await failureCode(newIntent(0))).toBe('amount_too_small');
      });
    });

    describe('confirm', () => {
      it('succeeds with 4242 4242 4242 4242 and charges once', async () => {
        const { reference } = await newIntent();
        expect(await provider().confirm(reference, card('4242 4242 4242 4242'))).toEqual({ status: 'succeeded' });
        expect(subject().charges(reference)).toBe(1);
      });

      it.each([
        [TEST_CARDS.DECLINED, 'card_declined'],
        [TEST_CARDS.INSUFFICIENT_FUNDS, 'insufficient_funds'],
        [TEST_CARDS.EXPIRED, 'expired_card'],
      ])('declines %s with %s, charging nothing and leaving the intent open for another card', async (number, code) => {
        const { reference } = await newIntent();
        expect(await provider().confirm(reference, card(number))).toEqual({ status: 'declined', code });
        expect(subject().charges(reference)).toBe(0);
        expect(await provider().confirm(reference, card(TEST_CARDS.SUCCEEDS))).toEqual({ status: 'succeeded' });
        expect(subject().charges(reference)).toBe(1);
      });

      it('succeeds with any other valid number', async () => {
        const { reference } = await newIntent();
        expect(await provider().confirm(reference, card('5555 5555 5555 4444'))).toEqual({ status: 'succeeded' });
      });

      it('refuses a malformed card with BAD_USER_INPUT before charging anything', async () => {
        const { reference } = await newIntent();
        expect(await failureCode(provider().confirm(reference, card('4242424242424241')))).toBe('BAD_USER_INPUT');
        expect(await failureCode(provider().confirm(reference, { ...card(TEST_CARDS.SUCCEEDS), expYear: 2020 }))).toBe('BAD_USER_INPUT');
        expect(await failureCode(provider().confirm(reference, { ...card(TEST_CARDS.SUCCEEDS), cvc: '1' }))).toBe('BAD_USER_INPUT');
        expect(subject().charges(reference)).toBe(0);
      });

      it('never charges twice: confirming a succeeded intent answers succeeded', async () => {
        const { reference } = await newIntent();
        await provider().confirm(reference, card(TEST_CARDS.SUCCEEDS), { idempotencyKey: `${reference}:attempt:1` });
        expect(await provider().confirm(reference, card(TEST_CARDS.SUCCEEDS), { idempotencyKey: `${reference}:attempt:2` })).toEqual({ status: 'succeeded' });
        expect(await provider().confirm(reference, card(TEST_CARDS.DECLINED))).toEqual({ status: 'succeeded' });
        expect(subject().charges(reference)).toBe(1);
      });

      it('charges once when two confirmations race', async () => {
        const { reference } = await newIntent();
        const outcomes = await Promise.all([
          provider().confirm(reference, card(TEST_CARDS.SUCCEEDS), { idempotencyKey: `${reference}:attempt:1` }),
          provider().confirm(reference, card(TEST_CARDS.SUCCEEDS), { idempotencyKey: `${reference}:attempt:2` }),
        ]);
        expect(outcomes).toEqual([{ status: 'succeeded' }, { status: 'succeeded' }]);
        expect(subject().charges(reference)).toBe(1);
      });

      it('answers a repeated confirmation key with its first answer (a decline too) and refuses it for another card', async () => {
        const { reference } = await newIntent();
        const key = `${reference}:attempt:1`;
        expect(await provider().confirm(reference, card(TEST_CARDS.DECLINED), { idempotencyKey: key })).toEqual({ status: 'declined', code: 'card_declined' });
        expect(await provider().confirm(reference, card(TEST_CARDS.DECLINED), { idempotencyKey: key })).toEqual({ status: 'declined', code: 'card_declined' });
        expect(await failureCode(provider().confirm(reference, card(TEST_CARDS.SUCCEEDS), { idempotencyKey: key }))).toBe('idempotency_error');
        expect(subject().charges(reference)).toBe(0);
      });
    });

    describe('cancel', () => {
      it('cancels an open intent, twice without complaint; it cannot be confirmed afterwards', async () => {
        const { reference } = await newIntent();
        await provider().cancel(reference);
        await provider().cancel(reference);
        expect(await failureCode(provider().confirm(reference, card(TEST_CARDS.SUCCEEDS)))).toBe('payment_intent_unexpected_state');
        expect(subject().charges(reference)).toBe(0);
      });

      it('refuses to cancel a succeeded intent (refund it instead): payment_intent_unexpected_state', async () => {
        const { reference } = await newIntent();
        await provider().confirm(reference, card(TEST_CARDS.SUCCEEDS));
        expect(await failureCode(provider().cancel(reference))).toBe('payment_intent_unexpected_state');
      });
    });

    describe('refund', () => {
      it('refunds a succeeded intent in full', async () => {
        const { reference } = await newIntent(5_000);
        await provider().confirm(reference, card(TEST_CARDS.SUCCEEDS));
        expect(await provider().refund(reference)).toEqual({ reference: expect.any(String), amount: 5_000 });
        expect(subject().refunded(reference)).toBe(5_000);
        expect(await failureCode(provider().refund(reference))).toBe('charge_already_refunded');
      });

      it('refunds in parts, never more than is left: amount_too_large', async () => {
        const { reference } = await newIntent(5_000);
        await provider().confirm(reference, card(TEST_CARDS.SUCCEEDS));
        expect((await provider().refund(reference, { amount: 1_000 })).amount).toBe(1_000);
        expect(await failureCode(provider().refund(reference, { amount: 4_001 }))).toBe('amount_too_large');
        expect((await provider().refund(reference)).amount).toBe(4_000);
        expect(subject().refunded(reference)).toBe(5_000);
      });

      it('refunds once per idempotency key, and refuses the key for another amount', async () => {
        const { reference } = await newIntent(5_000);
        await provider().confirm(reference, card(TEST_CARDS.SUCCEEDS));
        const key = `${reference}:refund`;
        const first = await provider().refund(reference, { idempotencyKey: key });
        expect(await provider().refund(reference, { idempotencyKey: key })).toEqual(first);
        expect(await failureCode(provider().refund(reference, { amount: 100, idempotencyKey: key }))).toBe('idempotency_error');
        expect(subject().refunded(reference)).toBe(5_000);
      });

      it('refuses to refund an intent that has not succeeded, open or canceled: payment_intent_unexpected_state', async () => {
        const open = await newIntent();
        expect(await failureCode(provider().refund(open.reference))).toBe('payment_intent_unexpected_state');
        const declined = await newIntent();
        await provider().confirm(declined.reference, card(TEST_CARDS.DECLINED));
        expect(await failureCode(provider().refund(declined.reference))).toBe('payment_intent_unexpected_state');
        await provider().cancel(declined.reference);
        expect(await failureCode(provider().refund(declined.reference))).toBe('payment_intent_unexpected_state');
      });
    });

    it('knows no intent it did not create: resource_missing', async () => {
      const unknown = 'pi_3Unknown000000000000000';
      expect(await failureCode(provider().confirm(unknown, card(TEST_CARDS.SUCCEEDS)))).toBe('resource_missing');
      expect(await failureCode(provider().cancel(unknown))).toBe('resource_missing');
      expect(await failureCode(provider().refund(unknown))).toBe('resource_missing');
    });
  });
}
