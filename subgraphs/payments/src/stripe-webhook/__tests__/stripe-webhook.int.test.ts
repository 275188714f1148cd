import { randomBytes } from 'node:crypto';
import Stripe from 'stripe';
import { eventually, startPaymentsHarness, type FixtureOrder, type PaymentsHarness } from '../../__tests__/payments.harness';
import { RecordingProvider } from '../../__tests__/recording.provider';
import { TEST_CARDS } from '../../provider/simulated.provider';

const WEBHOOK_SECRET = `whsec_test_${randomBytes(12).toString('hex')}`;
const provider = new RecordingProvider();
let h: PaymentsHarness<RecordingProvider>;
let plain: PaymentsHarness;

beforeAll(async () => {
  // Stripe's settings make the route exist; the intents themselves live in the simulated provider.
  h = await startPaymentsHarness({
    provider,
    env: { STRIPE_SECRET_KEY: 'sk_test_not_used_here', STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET, REFUND_SWEEP_INTERVAL_MS: '600000' },
  });
  plain = await startPaymentsHarness();
});
afterAll(async () => {
  await h?.stop();
  await plain?.stop();
});

interface Delivered {
  readonly status: number;
  readonly body: Record<string, unknown>;
}

/** POSTs a body to the webhook route with the given Stripe-Signature header (none when undefined). */
async function post(body: string, signature: string | undefined, base = h.baseUrl): Promise<Delivered> {
  const response = await fetch(`${base}/webhooks/stripe`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(signature === undefined ? {} : { 'stripe-signature': signature }) },
    body,
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** A Stripe event as Stripe sends it: pretty-printed JSON (the raw bytes are what is signed). */
function stripeEvent(type: string, object: Record<string, unknown>, id = `evt_${randomBytes(12).toString('hex')}`): string {
  return JSON.stringify(
    { id, object: 'event', api_version: '2026-10-28', created: Math.floor(Date.now() / 1000), data: { object }, livemode: false, type },
    null,
    2,
  );
}

const sign = (payload: string, options: { secret?: string; timestamp?: number } = {}) =>
  Stripe.webhooks.generateTestHeaderString({
    payload,
    secret: options.secret ?? WEBHOOK_SECRET,
    ...(options.timestamp !== undefined ? { timestamp: options.timestamp } : {}),
  });

/** Sends a validly signed event. */
const send = (payload: string) => post(payload, sign(payload));

/** The order's intent as Stripe would describe it, with `overrides`. */
async function intentOf(order: FixtureOrder, overrides: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
  const payment = await h.paymentOf(order.id);
  return {
    id: payment!.providerReference,
    object: 'payment_intent',
    amount: order.total.amount,
    currency: order.total.currency.toLowerCase(),
    metadata: { orderId: order.id },
    status: 'succeeded',
    ...overrides,
  };
}

async function chargeOf(order: FixtureOrder, overrides: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
  const payment = await h.paymentOf(order.id);
  return {
    id: `ch_${randomBytes(8).toString('hex')}`,
    object: 'charge',
    amount: order.total.amount,
    amount_refunded: order.total.amount,
    currency: order.total.currency.toLowerCase(),
    metadata: { orderId: order.id },
    payment_intent: payment!.providerReference,
    refunded: true,
    ...overrides,
  };
}

const typesOf = async (orderId: string) => (await h.eventsOf(orderId)).map((event) => event.type);

describe('POST /webhooks/stripe: a verified event', () => {
  it('payment_intent.succeeded → SUCCEEDED with one payment-succeeded; the same event id again → 200 and no second effect', async () => {
    const order = await h.awaitingPayment();
    const payload = stripeEvent('payment_intent.succeeded', await intentOf(order));
    expect(await send(payload)).toEqual({ status: 200, body: { received: true, outcome: 'applied' } });
    const payment = await h.paymentOf(order.id);
    expect(payment!.status).toBe('SUCCEEDED');
    expect(await h.eventsOf(order.id)).toEqual([
      { type: 'payments.payment-succeeded.v1', payload: { orderId: order.id, paymentId: payment!.id, amount: { amount: 12_345, currency: 'USD' } } },
    ]);

    expect(await send(payload)).toEqual({ status: 200, body: { received: true, outcome: 'duplicate' } });
    expect(await Promise.all([send(payload), send(payload)])).toEqual([
      { status: 200, body: { received: true, outcome: 'duplicate' } },
      { status: 200, body: { received: true, outcome: 'duplicate' } },
    ]);
    expect(await typesOf(order.id)).toEqual(['payments.payment-succeeded.v1']);
    expect((await h.rows()).webhookEvents.filter((row) => payload.includes(row.id))).toHaveLength(1);
  });

  it('the same event delivered twice at once: one effect', async () => {
    const order = await h.awaitingPayment();
    const payload = stripeEvent('payment_intent.succeeded', await intentOf(order));
    const answers = await Promise.all([send(payload), send(payload), send(payload)]);
    expect(answers.map((answer) => answer.body['outcome']).sort()).toEqual(['applied', 'duplicate', 'duplicate']);
    expect(await typesOf(order.id)).toEqual(['payments.payment-succeeded.v1']);
  });

  it('a success already recorded by confirmPayment (another event id) changes nothing: still one event', async () => {
    const order = await h.awaitingPayment();
    await h.confirm(order.id, TEST_CARDS.SUCCEEDS);
    expect((await send(stripeEvent('payment_intent.succeeded', await intentOf(order)))).status).toBe(200);
    expect(await typesOf(order.id)).toEqual(['payments.payment-succeeded.v1']);
  });

  it('payment_intent.payment_failed → FAILED with the decline code and one payment-failed', async () => {
    const order = await h.awaitingPayment();
    const intent = await intentOf(order, { status: 'requires_payment_method', last_payment_error: { code: 'card_declined', decline_code: 'insufficient_funds' } });
    expect((await send(stripeEvent('payment_intent.payment_failed', intent))).status).toBe(200);
    expect(await h.paymentOf(order.id)).toMatchObject({ status: 'FAILED', failureCode: 'insufficient_funds' });
    expect(await h.eventsOf(order.id)).toEqual([
      { type: 'payments.payment-failed.v1', payload: expect.objectContaining({ orderId: order.id, failureCode: 'insufficient_funds' }) },
    ]);
  });

  it('out of order, a failure after the success changes nothing', async () => {
    const order = await h.awaitingPayment();
    await send(stripeEvent('payment_intent.succeeded', await intentOf(order)));
    const failed = await intentOf(order, { status: 'requires_payment_method', last_payment_error: { code: 'card_declined' } });
    expect(await send(stripeEvent('payment_intent.payment_failed', failed))).toEqual({ status: 200, body: { received: true, outcome: 'applied' } });
    expect(await h.paymentOf(order.id)).toMatchObject({ status: 'SUCCEEDED', failureCode: null });
    expect(await typesOf(order.id)).toEqual(['payments.payment-succeeded.v1']);
  });

  it('payment_intent.canceled for an order not known cancelled → CANCELLED and payment-failed (the order cannot be paid any more)', async () => {
    const order = await h.awaitingPayment();
    await send(stripeEvent('payment_intent.canceled', await intentOf(order, { status: 'canceled' })));
    expect(await h.paymentOf(order.id)).toMatchObject({ status: 'CANCELLED', failureCode: 'payment_intent_canceled' });
    expect(await h.eventsOf(order.id)).toEqual([
      { type: 'payments.payment-failed.v1', payload: expect.objectContaining({ orderId: order.id, failureCode: 'payment_intent_canceled' }) },
    ]);
  });

  it('payment_intent.canceled after the order’s own cancellation: no event (the order is cancelled already)', async () => {
    const order = await h.awaitingPayment();
    await h.deliver(h.orderCancelled(order.id));
    await send(stripeEvent('payment_intent.canceled', await intentOf(order, { status: 'canceled' })));
    expect(await h.paymentOf(order.id)).toMatchObject({ status: 'CANCELLED' });
    expect(await h.eventsOf(order.id)).toEqual([]);
  });

  it('payment_intent.canceled for a declined payment (the order’s compensation cancelled its intent): it stays FAILED, no event', async () => {
    const order = await h.awaitingPayment();
    expect((await h.confirm(order.id, TEST_CARDS.DECLINED)).data?.confirmPayment.status).toBe('FAILED');
    expect((await send(stripeEvent('payment_intent.canceled', await intentOf(order, { status: 'canceled' })))).status).toBe(200);
    expect(await h.paymentOf(order.id)).toMatchObject({ status: 'FAILED', failureCode: 'card_declined' });
    expect(await typesOf(order.id)).toEqual(['payments.payment-failed.v1']);
  });

  it('charge.refunded in full → REFUNDED with one payment-refunded; a partial refund changes nothing', async () => {
    const order = await h.awaitingPayment();
    await h.confirm(order.id, TEST_CARDS.SUCCEEDS);
    expect((await send(stripeEvent('charge.refunded', await chargeOf(order, { amount_refunded: 45, refunded: false })))).status).toBe(200);
    expect((await h.paymentOf(order.id))!.status).toBe('SUCCEEDED');
    // A Charge need not carry its intent's metadata: the intent id links it.
    expect((await send(stripeEvent('charge.refunded', await chargeOf(order, { metadata: {} })))).status).toBe(200);
    expect((await h.paymentOf(order.id))!.status).toBe('REFUNDED');
    expect(await typesOf(order.id)).toEqual(['payments.payment-succeeded.v1', 'payments.payment-refunded.v1']);
    // Refunded at Stripe, not by this graph (issue #14: the reason says where).
    expect((await h.eventsOf(order.id)).at(-1)!.payload).toMatchObject({ amount: { amount: 12_345, currency: 'USD' }, reason: 'REFUNDED_AT_PROVIDER' });
  });

  it('a success for an order already cancelled → SUCCEEDED, then refunded by the sweep the webhook sets off', async () => {
    const order = await h.awaitingPayment();
    // The customer's card is charged at the provider (as through Stripe.js) just as the order is cancelled: the
    // cancellation cannot cancel the intent any more, and only the webhook tells payments about the money.
    const payment = await h.paymentOf(order.id);
    await provider.confirm(payment!.providerReference!, { number: TEST_CARDS.SUCCEEDS, expMonth: 12, expYear: new Date().getUTCFullYear() + 5, cvc: '123' });
    await h.deliver(h.orderCancelled(order.id, 'RESERVATION_EXPIRED'));
    expect((await h.paymentOf(order.id))!.status).toBe('CANCELLED');
    const refunds = provider.count('refund');

    expect(await send(stripeEvent('payment_intent.succeeded', await intentOf(order)))).toEqual({ status: 200, body: { received: true, outcome: 'applied' } });
    await eventually('the refund', async () => (await h.paymentOf(order.id))?.status === 'REFUNDED');
    expect(provider.count('refund')).toBe(refunds + 1);
    expect(provider.inspect(payment!.providerReference!)).toMatchObject({ charges: 1, refunded: 12_345 });
    expect(await typesOf(order.id)).toEqual(['payments.payment-succeeded.v1', 'payments.payment-refunded.v1']);
  });

  it('acknowledges event types it does not act on, and intents no payment holds, without applying anything', async () => {
    const order = await h.awaitingPayment();
    expect(await send(stripeEvent('customer.created', { id: 'cus_1', object: 'customer' }))).toEqual({
      status: 200,
      body: { received: true, ignored: 'customer.created' },
    });
    const stranger = await intentOf(order, { id: 'pi_someone_elses' });
    expect(await send(stripeEvent('payment_intent.succeeded', stranger))).toEqual({ status: 200, body: { received: true, outcome: 'unknown-intent' } });
    expect((await h.paymentOf(order.id))!.status).toBe('PENDING');
  });
});

describe('POST /webhooks/stripe: an event that disagrees with the payment', () => {
  for (const [what, overrides] of [
    ['another amount', { amount: 1 }],
    ['another currency', { currency: 'eur' }],
    ['another order', { metadata: { orderId: '00000000-0000-4000-8000-000000000000' } }],
    ['no order at all', { metadata: {} }],
  ] as const) {
    it(`(${what}) is logged and answered 200, with nothing applied`, async () => {
      const order = await h.awaitingPayment();
      const payload = stripeEvent('payment_intent.succeeded', await intentOf(order, overrides));
      expect(await send(payload)).toEqual({ status: 200, body: { received: true, outcome: 'mismatch' } });
      expect((await h.paymentOf(order.id))!.status).toBe('PENDING');
      expect(await h.eventsOf(order.id)).toEqual([]);
    });
  }

  it('(a refund of a charge of another amount) is not applied either', async () => {
    const order = await h.awaitingPayment();
    await h.confirm(order.id, TEST_CARDS.SUCCEEDS);
    expect((await send(stripeEvent('charge.refunded', await chargeOf(order, { amount: 99, amount_refunded: 99 })))).body['outcome']).toBe('mismatch');
    expect((await h.paymentOf(order.id))!.status).toBe('SUCCEEDED');
  });
});

describe('POST /webhooks/stripe: refused with 400, nothing applied', () => {
  async function expectNothingApplied(order: FixtureOrder, payload: string) {
    expect((await h.paymentOf(order.id))!.status).toBe('PENDING');
    expect(await h.eventsOf(order.id)).toEqual([]);
    expect((await h.rows()).webhookEvents.filter((row) => payload.includes(row.id))).toEqual([]);
  }

  it('a body changed after signing (an amount raised)', async () => {
    const order = await h.awaitingPayment();
    const payload = stripeEvent('payment_intent.succeeded', await intentOf(order));
    const tampered = payload.replace(/"amount": \d+/, '"amount": 1');
    expect(tampered).not.toBe(payload);
    expect(await post(tampered, sign(payload))).toEqual({ status: 400, body: { error: 'Invalid Stripe signature.' } });
    await expectNothingApplied(order, payload);
  });

  it('a body re-serialized (the bytes differ, the JSON is the same)', async () => {
    const order = await h.awaitingPayment();
    const payload = stripeEvent('payment_intent.succeeded', await intentOf(order));
    expect((await post(JSON.stringify(JSON.parse(payload)), sign(payload))).status).toBe(400);
    await expectNothingApplied(order, payload);
  });

  it('a signature made with another secret', async () => {
    const order = await h.awaitingPayment();
    const payload = stripeEvent('payment_intent.succeeded', await intentOf(order));
    expect((await post(payload, sign(payload, { secret: 'whsec_someone_else' }))).status).toBe(400);
    await expectNothingApplied(order, payload);
  });

  it('a stale signature (older than Stripe’s tolerance: a replayed capture)', async () => {
    const order = await h.awaitingPayment();
    const payload = stripeEvent('payment_intent.succeeded', await intentOf(order));
    const timestamp = Math.floor(Date.now() / 1000) - Stripe.webhooks.DEFAULT_TOLERANCE - 60;
    expect((await post(payload, sign(payload, { timestamp }))).status).toBe(400);
    await expectNothingApplied(order, payload);
  });

  it('no signature, or a malformed one', async () => {
    const order = await h.awaitingPayment();
    const payload = stripeEvent('payment_intent.succeeded', await intentOf(order));
    expect(await post(payload, undefined)).toEqual({ status: 400, body: { error: 'Missing Stripe-Signature header.' } });
    expect((await post(payload, 'not-a-signature')).status).toBe(400);
    await expectNothingApplied(order, payload);
  });
});

describe('POST /webhooks/stripe: the route itself', () => {
  it('answers 405 to anything but POST', async () => {
    const response = await fetch(`${h.baseUrl}/webhooks/stripe`);
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST');
  });

  it('refuses a body over 1 MB with 413 before verifying anything', async () => {
    const payload = 'x'.repeat(1_000_001);
    expect((await post(payload, sign(payload))).status).toBe(413);
  });

  it('does not exist without Stripe (the simulated provider): 404', async () => {
    const payload = stripeEvent('customer.created', { id: 'cus_1', object: 'customer' });
    expect((await post(payload, sign(payload), plain.baseUrl)).status).toBe(404);
  });
});
