import { randomUUID } from 'node:crypto';
import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { createLogger } from '@techally/platform';
import { startStripeFake, type StripeFake } from '@techally/testing';
import type { PaymentProvider } from '../payment-provider';
import { createStripeProvider, stripeApiFromUrl } from '../stripe.provider';
import { TEST_CARDS } from '../test-cards';
import { describeProviderContract, failureCode } from './provider-contract';

const card = (number: string) => ({ number, expMonth: 12, expYear: new Date().getUTCFullYear() + 2, cvc: '123' });

/** The platform's logger, quiet, with its info and warn calls recorded. */
function capturingLogger() {
  const logger = createLogger({ name: 'payments-test', level: 'silent' });
  return { logger, info: jest.spyOn(logger, 'info'), warn: jest.spyOn(logger, 'warn') };
}

let fake: StripeFake;
let provider: PaymentProvider;
let log: ReturnType<typeof capturingLogger>;

beforeAll(async () => {
  fake = await startStripeFake();
  log = capturingLogger();
  provider = createStripeProvider({ secretKey: fake.secretKey, api: fake.api, logger: log.logger });
});

afterAll(async () => {
  await fake.stop();
});

function record(reference: string) {
  const found = fake.paymentIntents().find((candidate) => candidate.intent.id === reference);
  if (!found) throw new Error(`the fake has no intent ${reference}`);
  return found;
}

describeProviderContract('Stripe provider on the Stripe fake', () => ({
  provider,
  charges: (reference) => record(reference).charges.filter((charge) => charge.status === 'succeeded').length,
  refunded: (reference) => record(reference).refunds.reduce((sum, refund) => sum + refund.amount, 0),
}));

describe('createStripeProvider: what Stripe receives', () => {
  async function newIntent(amount = 5_000) {
    const orderId = randomUUID();
    const intent = await provider.createIntent({ amount, currency: 'USD', idempotencyKey: `order:${orderId}`, metadata: { orderId } });
    return { ...intent, orderId };
  }

  const callsTo = (path: string) => fake.requests().filter((request) => request.path === path && !request.replayed);

  it('creates a card-only intent: amount, currency lower-cased, the order id as metadata, our idempotency key', async () => {
    const { reference, orderId } = await newIntent(4_200);
    expect(callsTo('/v1/payment_intents').find((request) => request.idempotencyKey === `order:${orderId}`)).toEqual({
      method: 'POST',
      path: '/v1/payment_intents',
      params: { amount: '4200', currency: 'usd', metadata: { orderId }, allowed_payment_method_types: ['card'] },
      idempotencyKey: `order:${orderId}`,
      status: 200,
      replayed: false,
    });
    expect(record(reference).intent).toMatchObject({ amount: 4_200, currency: 'usd', metadata: { orderId }, status: 'requires_payment_method' });
  });

  it.each([
    [TEST_CARDS.SUCCEEDS, 'pm_card_visa'],
    ['5555555555554444', 'pm_card_visa'],
    [TEST_CARDS.DECLINED, 'pm_card_chargeDeclined'],
    [TEST_CARDS.INSUFFICIENT_FUNDS, 'pm_card_chargeDeclinedInsufficientFunds'],
    [TEST_CARDS.EXPIRED, 'pm_card_chargeDeclinedExpiredCard'],
  ])('confirms test card %s with the test PaymentMethod %s, never sending the number', async (number, paymentMethod) => {
    const { reference } = await newIntent();
    await provider.confirm(reference, card(number), { idempotencyKey: `${reference}:attempt:1` });
    const confirm = callsTo(`/v1/payment_intents/${reference}/confirm`);
    expect(confirm).toEqual([expect.objectContaining({ params: { payment_method: paymentMethod }, idempotencyKey: `${reference}:attempt:1` })]);
    expect(JSON.stringify(fake.requests())).not.toContain(number);
  });

  it("reads Stripe's generic decline (card_declined / generic_decline) as card_declined", async () => {
    const { reference } = await newIntent();
    expect(await provider.confirm(reference, card(TEST_CARDS.DECLINED))).toEqual({ status: 'declined', code: 'card_declined' });
    expect(record(reference).intent.last_payment_error).toMatchObject({ code: 'card_declined', decline_code: 'generic_decline' });
  });

  it('refunds by payment intent, with the amount and the idempotency key given', async () => {
    const { reference } = await newIntent(3_000);
    await provider.confirm(reference, card(TEST_CARDS.SUCCEEDS));
    const receipt = await provider.refund(reference, { amount: 1_200, idempotencyKey: `${reference}:refund` });
    expect(receipt).toEqual({ reference: record(reference).refunds[0]?.id, amount: 1_200 });
    expect(callsTo('/v1/refunds').filter((request) => request.idempotencyKey === `${reference}:refund`)).toEqual([
      expect.objectContaining({ params: { payment_intent: reference, amount: '1200' }, status: 200 }),
    ]);
  });

  it("logs a decline and a failure with Stripe's codes and request id, never the card", async () => {
    const { reference } = await newIntent();
    log.info.mockClear();
    log.warn.mockClear();
    await provider.confirm(reference, card(TEST_CARDS.INSUFFICIENT_FUNDS));
    await failureCode(provider.refund(reference));
    expect(log.info.mock.calls).toEqual([
      [{ reference, code: 'card_declined', declineCode: 'insufficient_funds', requestId: expect.stringMatching(/^req_/) }, 'stripe declined the card'],
    ]);
    expect(log.warn.mock.calls).toEqual([
      [{ operation: 'refund', reference, code: 'payment_intent_unexpected_state', statusCode: 400, requestId: expect.stringMatching(/^req_/) }, 'stripe request failed'],
    ]);
    expect(JSON.stringify([log.info.mock.calls, log.warn.mock.calls])).not.toContain(TEST_CARDS.INSUFFICIENT_FUNDS);
  });
});

describe('createStripeProvider: when Stripe cannot be used', () => {
  const request = () => ({ amount: 1_000, currency: 'USD', idempotencyKey: `order:${randomUUID()}`, metadata: { orderId: 'o' } });

  it('refuses a live key at once: test PaymentMethods stand for the cards, which live mode does not have', () => {
    expect(() => createStripeProvider({ secretKey: 'sk_live_123', logger: capturingLogger().logger })).toThrow('test-mode keys only');
    expect(() => createStripeProvider({ secretKey: 'rk_live_123', logger: capturingLogger().logger })).toThrow('test-mode keys only');
  });

  it('reports a wrong secret key as authentication_error', async () => {
    const wrongKey = createStripeProvider({ secretKey: 'sk_test_not_the_fakes_key', api: fake.api, logger: capturingLogger().logger });
    expect(await failureCode(wrongKey.createIntent(request()))).toBe('authentication_error');
  });

  it('reports nothing listening, after its retries, as api_connection_error', async () => {
    const gone = await startStripeFake();
    await gone.stop();
    const unreachable = createStripeProvider({ secretKey: gone.secretKey, api: gone.api, logger: capturingLogger().logger });
    expect(await failureCode(unreachable.createIntent(request()))).toBe('api_connection_error');
    expect(await failureCode(unreachable.cancel('pi_any'))).toBe('api_connection_error');
  });

  it('reports a server that never answers, after its timeout, as api_connection_error', async () => {
    const sockets = new Set<Socket>();
    const silent: Server = createServer((socket) => void sockets.add(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = silent.address() as AddressInfo;
      const slow = createStripeProvider({ secretKey: 'sk_test_x', api: { host: '127.0.0.1', port, protocol: 'http' }, timeoutMs: 50, logger: capturingLogger().logger });
      expect(await failureCode(slow.createIntent(request()))).toBe('api_connection_error');
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });
});

describe('stripeApiFromUrl', () => {
  it('splits STRIPE_API_URL into the SDK host, port and protocol', () => {
    expect(stripeApiFromUrl('http://127.0.0.1:12111')).toEqual({ host: '127.0.0.1', port: 12111, protocol: 'http' });
    expect(stripeApiFromUrl('https://api.stripe.com')).toEqual({ host: 'api.stripe.com', port: 443, protocol: 'https' });
    expect(stripeApiFromUrl('http://stripe-mock/')).toEqual({ host: 'stripe-mock', port: 80, protocol: 'http' });
    expect(stripeApiFromUrl('http://[::1]:8420')).toEqual({ host: '::1', port: 8420, protocol: 'http' });
  });

  it('refuses what the SDK could not use, naming it', () => {
    expect(() => stripeApiFromUrl('127.0.0.1:12111')).toThrow('127.0.0.1:12111');
    expect(() => stripeApiFromUrl('ftp://stripe.example')).toThrow('must be http or https: ftp://stripe.example');
    expect(() => stripeApiFromUrl('https://proxy.example/stripe')).toThrow('scheme, host and port only');
    expect(() => stripeApiFromUrl('not a url')).toThrow('Not a URL');
  });
});
