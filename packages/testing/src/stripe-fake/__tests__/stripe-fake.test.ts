import Stripe from 'stripe';
import { startStripeFake, type StripeFake } from '../stripe-fake';

let fake: StripeFake;
let stripe: Stripe;

beforeAll(async () => {
  fake = await startStripeFake({ secretKey: 'sk_test_fake_0123456789abcdef' });
  stripe = new Stripe(fake.secretKey, { ...fake.api, maxNetworkRetries: 0, telemetry: false });
});

afterAll(async () => {
  await fake.stop();
});

/** A raw call, for what the SDK hides: status, headers, the exact error body. */
async function raw(method: string, path: string, body?: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${fake.url}${path}`, {
    method,
    headers: { Authorization: `Bearer ${fake.secretKey}`, 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
    ...(body === undefined ? {} : { body }),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as { error?: { type: string; code?: string; param?: string; message: string } } };
}

async function stripeError(promise: Promise<unknown>): Promise<InstanceType<typeof Stripe.errors.StripeError>> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof Stripe.errors.StripeError) return error;
    throw error;
  }
  throw new Error('expected a Stripe error');
}

const intentCount = () => fake.paymentIntents().length;

describe('Stripe fake: API keys', () => {
  it('answers a wrong key 401 as Stripe does, showing only its ends, and does nothing', async () => {
    const before = intentCount();
    const wrong = new Stripe('sk_test_someone_elses_key_9876', { ...fake.api, maxNetworkRetries: 0 });
    const error = await stripeError(wrong.paymentIntents.create({ amount: 1_000, currency: 'usd' }));
    expect(error).toBeInstanceOf(Stripe.errors.StripeAuthenticationError);
    expect(error.statusCode).toBe(401);
    expect(error.message).toMatch(/^Invalid API Key provided: sk_test_\*+9876$/);
    expect(error.message).not.toContain('someone_elses');
    expect(intentCount()).toBe(before);
  });

  it('answers a missing key 401 in Stripe’s error shape', async () => {
    const response = await raw('POST', '/v1/payment_intents', 'amount=1000&currency=usd', { Authorization: '' });
    expect(response.status).toBe(401);
    expect(response.body).toEqual({ error: { type: 'invalid_request_error', message: expect.stringContaining('You did not provide an API key') } });
  });
});

describe('Stripe fake: parameters and objects', () => {
  it('creates an intent from form-encoded nested parameters and retrieves it', async () => {
    const created = await stripe.paymentIntents.create({ amount: 2_500, currency: 'EUR', metadata: { orderId: 'o-1', note: 'a&b=c' }, allowed_payment_method_types: ['card'] });
    expect(created).toMatchObject({ object: 'payment_intent', amount: 2_500, currency: 'eur', status: 'requires_payment_method', metadata: { orderId: 'o-1', note: 'a&b=c' } });
    expect(created.id).toMatch(/^pi_\w{24}$/);
    expect(await stripe.paymentIntents.retrieve(created.id)).toMatchObject({ id: created.id, amount: 2_500 });
  });

  it("refuses what Stripe refuses before doing anything: missing, unknown or too small parameters", async () => {
    const missing = await stripeError(stripe.paymentIntents.create({ currency: 'usd' } as Stripe.PaymentIntentCreateParams));
    expect(missing).toMatchObject({ statusCode: 400, code: 'parameter_missing', param: 'amount' });
    const removed = await raw('POST', '/v1/payment_intents', 'amount=1000&currency=usd&payment_method_types[0]=card');
    expect(removed.body.error).toMatchObject({ code: 'parameter_unknown', param: 'payment_method_types' });
    const small = await stripeError(stripe.paymentIntents.create({ amount: 29, currency: 'gbp' }));
    expect(small).toMatchObject({ code: 'amount_too_small', param: 'amount' });
    expect(await stripeError(stripe.paymentIntents.create({ amount: 30, currency: 'gbp', allowed_payment_method_types: ['paypal'] }))).toMatchObject({
      param: 'allowed_payment_method_types',
    });
  });

  it('answers 404 resource_missing for an unknown intent and 404 for a URL it does not serve', async () => {
    const unknown = await stripeError(stripe.paymentIntents.retrieve('pi_nope'));
    expect(unknown).toMatchObject({ statusCode: 404, code: 'resource_missing', message: "No such payment_intent: 'pi_nope'" });
    const url = await raw('GET', '/v1/customers');
    expect(url.status).toBe(404);
    expect(url.body.error?.message).toContain('Unrecognized request URL (GET: /v1/customers)');
  });

  it('declines with 402 and a card_error, leaving the intent requires_payment_method with last_payment_error', async () => {
    const intent = await stripe.paymentIntents.create({ amount: 1_000, currency: 'usd' });
    const error = await stripeError(stripe.paymentIntents.confirm(intent.id, { payment_method: 'pm_card_chargeDeclinedInsufficientFunds' }));
    expect(error).toBeInstanceOf(Stripe.errors.StripeCardError);
    expect(error).toMatchObject({ statusCode: 402, code: 'card_declined', decline_code: 'insufficient_funds' });
    expect(error.payment_intent).toMatchObject({ id: intent.id, status: 'requires_payment_method' });
    const after = await stripe.paymentIntents.retrieve(intent.id);
    expect(after).toMatchObject({ status: 'requires_payment_method', last_payment_error: { code: 'card_declined', decline_code: 'insufficient_funds' } });
    const expired = await stripeError(stripe.paymentIntents.confirm(intent.id, { payment_method: 'pm_card_chargeDeclinedExpiredCard' }));
    // No decline_code in the body: the SDK's StripeCardError reports it as ''.
    expect({ code: expired.code, decline_code: expired.decline_code }).toEqual({ code: 'expired_card', decline_code: '' });
    expect(expired.raw).not.toHaveProperty('decline_code');
  });

  it('refuses an unknown PaymentMethod and a second confirmation of a succeeded intent', async () => {
    const intent = await stripe.paymentIntents.create({ amount: 1_000, currency: 'usd' });
    expect(await stripeError(stripe.paymentIntents.confirm(intent.id, { payment_method: 'pm_made_up' }))).toMatchObject({
      statusCode: 400,
      code: 'resource_missing',
      param: 'payment_method',
    });
    expect(await stripe.paymentIntents.confirm(intent.id, { payment_method: 'pm_card_visa' })).toMatchObject({ status: 'succeeded', amount_received: 1_000 });
    const again = await stripeError(stripe.paymentIntents.confirm(intent.id, { payment_method: 'pm_card_visa' }));
    expect(again).toMatchObject({ statusCode: 400, code: 'payment_intent_unexpected_state' });
    expect(again.payment_intent).toMatchObject({ id: intent.id, status: 'succeeded' });
    expect(fake.paymentIntents().find((record) => record.intent.id === intent.id)?.charges.map((charge) => charge.status)).toEqual(['succeeded']);
  });

  it('refunds up to what was charged: more is 400 amount_too_large, an unpaid intent 400', async () => {
    const intent = await stripe.paymentIntents.create({ amount: 1_000, currency: 'usd' });
    expect(await stripeError(stripe.refunds.create({ payment_intent: intent.id }))).toMatchObject({ statusCode: 400, code: 'payment_intent_unexpected_state' });
    await stripe.paymentIntents.confirm(intent.id, { payment_method: 'pm_card_visa' });
    expect(await stripeError(stripe.refunds.create({ payment_intent: intent.id, amount: 1_001 }))).toMatchObject({ statusCode: 400, code: 'amount_too_large' });
    expect(await stripe.refunds.create({ payment_intent: intent.id, amount: 400 })).toMatchObject({ object: 'refund', amount: 400, payment_intent: intent.id, status: 'succeeded' });
    expect(await stripe.refunds.create({ payment_intent: intent.id })).toMatchObject({ amount: 600 });
    expect(await stripeError(stripe.refunds.create({ payment_intent: intent.id }))).toMatchObject({ code: 'charge_already_refunded' });
    expect(await stripeError(stripe.refunds.create({ payment_intent: 'pi_nope' }))).toMatchObject({ statusCode: 400, code: 'resource_missing', param: 'payment_intent' });
  });

  it('cancels an open intent once; a canceled or succeeded one cannot be canceled', async () => {
    const intent = await stripe.paymentIntents.create({ amount: 1_000, currency: 'usd' });
    expect(await stripe.paymentIntents.cancel(intent.id, { cancellation_reason: 'abandoned' })).toMatchObject({ status: 'canceled', cancellation_reason: 'abandoned' });
    expect(await stripeError(stripe.paymentIntents.cancel(intent.id))).toMatchObject({ code: 'payment_intent_unexpected_state' });
    expect(await stripeError(stripe.paymentIntents.confirm(intent.id, { payment_method: 'pm_card_visa' }))).toMatchObject({ code: 'payment_intent_unexpected_state' });
  });
});

describe('Stripe fake: idempotency keys', () => {
  const body = (amount: number) => `amount=${amount}&currency=usd&metadata[orderId]=o-9`;

  it('replays the stored answer for the same key and parameters, with Idempotent-Replayed: true', async () => {
    const key = `key-${Date.now()}-replay`;
    const first = await raw('POST', '/v1/payment_intents', body(1_000), { 'Idempotency-Key': key });
    const before = intentCount();
    // The same parameters in another order are the same request.
    const again = await raw('POST', '/v1/payment_intents', 'metadata[orderId]=o-9&currency=usd&amount=1000', { 'Idempotency-Key': key });
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again).toMatchObject({ status: 200, body: first.body });
    expect(intentCount()).toBe(before);
  });

  it('refuses the key with other parameters or on another endpoint: 400 idempotency_error', async () => {
    const key = `key-${Date.now()}-misuse`;
    await stripe.paymentIntents.create({ amount: 1_000, currency: 'usd' }, { idempotencyKey: key });
    const other = await stripeError(stripe.paymentIntents.create({ amount: 1_001, currency: 'usd' }, { idempotencyKey: key }));
    expect(other).toBeInstanceOf(Stripe.errors.StripeIdempotencyError);
    expect(other.message).toContain('same parameters');
    const elsewhere = await raw('POST', '/v1/refunds', 'payment_intent=pi_x', { 'Idempotency-Key': key });
    expect(elsewhere).toMatchObject({ status: 400, body: { error: { type: 'idempotency_error' } } });
    expect(elsewhere.body.error?.message).toContain("'POST /v1/payment_intents' vs 'POST /v1/refunds'");
  });

  it('replays a decline without asking the card again, and stores no answer for a request that failed validation', async () => {
    const intent = await stripe.paymentIntents.create({ amount: 1_000, currency: 'usd' });
    const key = `${intent.id}:attempt:1`;
    const path = `/v1/payment_intents/${intent.id}/confirm`;
    const declined = await raw('POST', path, 'payment_method=pm_card_chargeDeclined', { 'Idempotency-Key': key });
    const replayed = await raw('POST', path, 'payment_method=pm_card_chargeDeclined', { 'Idempotency-Key': key });
    expect([declined.status, replayed.status, replayed.headers.get('idempotent-replayed')]).toEqual([402, 402, 'true']);
    expect(fake.paymentIntents().find((record) => record.intent.id === intent.id)?.charges).toHaveLength(1);

    const fixKey = `key-${Date.now()}-fix`;
    expect((await raw('POST', '/v1/payment_intents', 'currency=usd', { 'Idempotency-Key': fixKey })).status).toBe(400);
    expect((await raw('POST', '/v1/payment_intents', body(1_000), { 'Idempotency-Key': fixKey })).status).toBe(200);
  });

  it('lists every request it answered, replays marked', async () => {
    const key = `key-${Date.now()}-log`;
    await stripe.paymentIntents.create({ amount: 1_000, currency: 'usd' }, { idempotencyKey: key });
    await stripe.paymentIntents.create({ amount: 1_000, currency: 'usd' }, { idempotencyKey: key });
    expect(fake.requests().filter((request) => request.idempotencyKey === key)).toEqual([
      { method: 'POST', path: '/v1/payment_intents', params: { amount: '1000', currency: 'usd' }, idempotencyKey: key, status: 200, replayed: false },
      { method: 'POST', path: '/v1/payment_intents', params: { amount: '1000', currency: 'usd' }, idempotencyKey: key, status: 200, replayed: true },
    ]);
  });
});
