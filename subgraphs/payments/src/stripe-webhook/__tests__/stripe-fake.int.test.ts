import { createLogger } from '@techally/platform';
import { startStripeFake, type StripeFake } from '@techally/testing';
import { startPaymentsHarness, type PaymentsHarness } from '../../__tests__/payments.harness';
import type { PaymentProvider } from '../../provider/payment-provider';
import { TEST_CARDS } from '../../provider/simulated.provider';
import { createStripeProvider } from '../../provider/stripe.provider';

/**
 * The Stripe provider against the local Stripe fake, whose signed webhooks reach the subgraph's own route: the
 * synchronous answers and the webhooks report the same changes, and each change still makes one event.
 */
let fake: StripeFake;
let h: PaymentsHarness<PaymentProvider>;

beforeAll(async () => {
  fake = await startStripeFake();
  h = await startPaymentsHarness<PaymentProvider>({ env: { STRIPE_SECRET_KEY: fake.secretKey, STRIPE_WEBHOOK_SECRET: fake.webhookSecret, STRIPE_API_URL: fake.url } });
  fake.setWebhookUrl(`${h.baseUrl}/webhooks/stripe`);
});
afterAll(async () => {
  await h?.stop();
  await fake?.stop();
});

const typesOf = async (orderId: string) => (await h.eventsOf(orderId)).map((event) => event.type);
const intentAtStripe = (reference: string) => fake.paymentIntents().find((record) => record.intent.id === reference)!;
const deliveriesOf = (reference: string) =>
  fake.deliveries().filter((delivery) => fake.events().find((event) => event.id === delivery.eventId && JSON.stringify(event.data.object).includes(reference)));

describe('the Stripe provider on the Stripe fake, with its webhooks', () => {
  it('opens one PaymentIntent per payment request, for the order’s amount, with metadata.orderId', async () => {
    expect(h.subgraph.provider.name).toBe('stripe');
    const order = await h.awaitingPayment({ total: { amount: 2_500, currency: 'USD' } });
    await h.deliver(h.paymentRequested(order));
    const payment = await h.paymentOf(order.id);
    expect(payment).toMatchObject({ provider: 'stripe', status: 'PENDING', providerReference: expect.stringMatching(/^pi_/) });
    expect(intentAtStripe(payment!.providerReference!).intent).toMatchObject({
      amount: 2_500,
      currency: 'usd',
      metadata: { orderId: order.id },
      status: 'requires_payment_method',
    });
    expect(fake.paymentIntents().filter((record) => record.intent.metadata['orderId'] === order.id)).toHaveLength(1);
  });

  it('a good card: SUCCEEDED from the answer; the succeeded webhook then changes nothing — one payment-succeeded', async () => {
    const order = await h.awaitingPayment();
    expect((await h.confirm(order.id, TEST_CARDS.SUCCEEDS)).data?.confirmPayment.status).toBe('SUCCEEDED');
    await fake.drain();
    const reference = (await h.paymentOf(order.id))!.providerReference!;
    expect(deliveriesOf(reference).map((delivery) => [delivery.type, delivery.status])).toEqual([['payment_intent.succeeded', 200]]);
    expect(await typesOf(order.id)).toEqual(['payments.payment-succeeded.v1']);
    expect(intentAtStripe(reference).charges.filter((charge) => charge.status === 'succeeded')).toHaveLength(1);
  });

  it('a declined card: FAILED from the answer; the payment_failed webhook changes nothing — one payment-failed', async () => {
    const order = await h.awaitingPayment();
    expect((await h.confirm(order.id, TEST_CARDS.INSUFFICIENT_FUNDS)).data?.confirmPayment).toMatchObject({ status: 'FAILED', failureCode: 'insufficient_funds' });
    await fake.drain();
    const reference = (await h.paymentOf(order.id))!.providerReference!;
    expect(deliveriesOf(reference).map((delivery) => [delivery.type, delivery.status])).toEqual([['payment_intent.payment_failed', 200]]);
    expect(await typesOf(order.id)).toEqual(['payments.payment-failed.v1']);
  });

  it('a cancelled order: the intent is canceled at Stripe; a paid one is refunded there; each webhook changes nothing more', async () => {
    const open = await h.awaitingPayment();
    await h.deliver(h.orderCancelled(open.id));
    const openReference = (await h.paymentOf(open.id))!.providerReference!;
    expect(intentAtStripe(openReference).intent.status).toBe('canceled');

    const paid = await h.awaitingPayment();
    await h.confirm(paid.id, TEST_CARDS.SUCCEEDS);
    await h.deliver(h.orderCancelled(paid.id));
    const paidReference = (await h.paymentOf(paid.id))!.providerReference!;
    expect(intentAtStripe(paidReference).refunds.map((refund) => refund.amount)).toEqual([12_345]);

    await fake.drain();
    expect(deliveriesOf(openReference).map((delivery) => [delivery.type, delivery.status])).toEqual([['payment_intent.canceled', 200]]);
    expect(deliveriesOf(paidReference).map((delivery) => [delivery.type, delivery.status])).toEqual([
      ['payment_intent.succeeded', 200],
      ['charge.refunded', 200],
    ]);
    expect(await h.paymentOf(open.id)).toMatchObject({ status: 'CANCELLED' });
    expect(await h.paymentOf(paid.id)).toMatchObject({ status: 'REFUNDED' });
    expect(await typesOf(open.id)).toEqual([]);
    expect(await typesOf(paid.id)).toEqual(['payments.payment-succeeded.v1', 'payments.payment-refunded.v1']);
  });

  it('a redelivered webhook is a duplicate; tampered, stale or wrongly signed ones are refused with 400', async () => {
    const order = await h.awaitingPayment();
    await h.confirm(order.id, TEST_CARDS.SUCCEEDS);
    await fake.drain();
    const reference = (await h.paymentOf(order.id))!.providerReference!;
    const succeeded = fake.events().find((event) => event.type === 'payment_intent.succeeded' && event.data.object['id'] === reference)!;
    const again = await fake.resend(succeeded.id);
    expect([again.status, JSON.parse(again.body!)]).toEqual([200, { received: true, outcome: 'duplicate' }]);
    for (const signature of ['tampered', 'stale', 'wrong-secret', 'none'] as const) {
      expect([signature, (await fake.resend(succeeded.id, { signature })).status]).toEqual([signature, 400]);
    }
    expect(await typesOf(order.id)).toEqual(['payments.payment-succeeded.v1']);
  });
});

describe('when the webhook overtakes the synchronous answer', () => {
  let raced: PaymentsHarness<PaymentProvider>;
  let release: (() => void) | null = null;
  let reached: (() => void) | null = null;

  beforeAll(async () => {
    const stripe = createStripeProvider({ secretKey: fake.secretKey, api: fake.api, logger: createLogger({ name: 'stripe-test', level: 'silent' }) });
    // The Stripe provider, holding its confirmation's answer (after Stripe charged) until the test lets it go.
    const provider: PaymentProvider = {
      name: stripe.name,
      createIntent: (request) => stripe.createIntent(request),
      async confirm(reference, card, options) {
        const outcome = await stripe.confirm(reference, card, options);
        if (release === null) {
          await new Promise<void>((resolve) => {
            release = resolve;
            reached?.();
          });
        }
        return outcome;
      },
      cancel: (reference) => stripe.cancel(reference),
      refund: (reference, options) => stripe.refund(reference, options),
    };
    raced = await startPaymentsHarness({
      provider,
      env: { STRIPE_SECRET_KEY: fake.secretKey, STRIPE_WEBHOOK_SECRET: fake.webhookSecret, STRIPE_API_URL: fake.url },
    });
  });
  afterAll(async () => {
    fake.setWebhookUrl(`${h.baseUrl}/webhooks/stripe`);
    await raced?.stop();
  });

  it('the webhook records the success first; the answer then changes nothing — one payment-succeeded', async () => {
    fake.setWebhookUrl(`${raced.baseUrl}/webhooks/stripe`);
    const order = await raced.awaitingPayment();
    const held = new Promise<void>((resolve) => {
      reached = resolve;
    });
    const confirming = raced.confirm(order.id, TEST_CARDS.SUCCEEDS);
    await held;
    await fake.drain();
    expect((await raced.paymentOf(order.id))!.status).toBe('SUCCEEDED');
    release!();
    expect((await confirming).data?.confirmPayment.status).toBe('SUCCEEDED');
    expect((await raced.eventsOf(order.id)).map((event) => event.type)).toEqual(['payments.payment-succeeded.v1']);
  });
});
