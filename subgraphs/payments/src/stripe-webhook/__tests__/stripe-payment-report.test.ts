import type Stripe from 'stripe';
import { readPaymentReport } from '../stripe-payment-report';

const event = (type: string, object: Record<string, unknown>) =>
  ({ id: 'evt_1', object: 'event', type, data: { object } }) as unknown as Stripe.Event;

describe('readPaymentReport', () => {
  it('reads a PaymentIntent event: intent, order, amount, currency upper-cased, decline code', () => {
    const report = readPaymentReport(
      event('payment_intent.payment_failed', {
        id: 'pi_1',
        object: 'payment_intent',
        amount: 1_999,
        currency: 'usd',
        metadata: { orderId: 'o-1' },
        last_payment_error: { code: 'card_declined', decline_code: 'insufficient_funds' },
      }),
    );
    expect(report).toEqual({
      eventId: 'evt_1',
      type: 'payment_intent.payment_failed',
      intentId: 'pi_1',
      orderId: 'o-1',
      orderIdOptional: false,
      amount: 1_999,
      currency: 'USD',
      failureCode: 'insufficient_funds',
      fullyRefunded: true,
    });
  });

  it('falls back to the error code, and drops a code that is not a plain code', () => {
    const withCode = readPaymentReport(event('payment_intent.payment_failed', { id: 'pi_1', last_payment_error: { code: 'expired_card' } }));
    expect(withCode?.failureCode).toBe('expired_card');
    const odd = readPaymentReport(event('payment_intent.payment_failed', { id: 'pi_1', last_payment_error: { code: 'no spaces, please' } }));
    expect(odd?.failureCode).toBeNull();
  });

  it('reads a Charge: the intent from payment_intent (an id or an expanded object), whether refunded in full', () => {
    const charge = { object: 'charge', id: 'ch_1', amount: 500, currency: 'eur', metadata: {}, amount_refunded: 500, refunded: true };
    expect(readPaymentReport(event('charge.refunded', { ...charge, payment_intent: 'pi_2' }))).toMatchObject({
      intentId: 'pi_2',
      orderId: null,
      orderIdOptional: true,
      amount: 500,
      currency: 'EUR',
      fullyRefunded: true,
    });
    expect(readPaymentReport(event('charge.refunded', { ...charge, payment_intent: { id: 'pi_3' } }))?.intentId).toBe('pi_3');
    expect(readPaymentReport(event('charge.refunded', { ...charge, payment_intent: 'pi_2', amount_refunded: 100, refunded: false }))?.fullyRefunded).toBe(false);
  });

  it('is null for types payments does not act on, and for objects without an intent', () => {
    expect(readPaymentReport(event('payment_intent.created', { id: 'pi_1' }))).toBeNull();
    expect(readPaymentReport(event('customer.created', { id: 'cus_1' }))).toBeNull();
    expect(readPaymentReport(event('charge.refunded', { object: 'charge', id: 'ch_1', payment_intent: null }))).toBeNull();
  });
});
