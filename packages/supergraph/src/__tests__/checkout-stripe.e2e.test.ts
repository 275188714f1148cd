import { startStripeFake, type StripeFake } from '@techally/testing';
import { checkoutDriverFor, DECLINED_CARD, type CheckoutDriver } from './support/checkout-driver';
import { startTestSupergraph, type TestSupergraph } from './support/test-supergraph';

// The checkout saga through the gateway with the Stripe provider: the official SDK talks to a Stripe-compatible
// fake on loopback, whose signed webhooks reach the payments subgraph's POST /webhooks/stripe.
let stripe: StripeFake;
let supergraph: TestSupergraph;
let driver: CheckoutDriver;
let webhookUrl: string;

beforeAll(async () => {
  stripe = await startStripeFake();
  supergraph = await startTestSupergraph({
    env: { STRIPE_SECRET_KEY: stripe.secretKey, STRIPE_WEBHOOK_SECRET: stripe.webhookSecret, STRIPE_API_URL: stripe.url },
  });
  webhookUrl = supergraph.subgraphUrls['payments']!.replace(/\/graphql$/, '/webhooks/stripe');
  stripe.setWebhookUrl(webhookUrl);
  driver = await checkoutDriverFor(supergraph);
}, 180_000);

afterAll(async () => {
  await supergraph?.stop();
  await stripe?.stop();
});

/** The fake's PaymentIntents for one order (by the metadata the server set). */
function intentsOf(orderId: string) {
  return stripe.paymentIntents().filter((record) => record.intent.metadata['orderId'] === orderId);
}

describe('a checkout paid through Stripe', () => {
  it('with a good card ends PAID, charged once for the server’s total, with the stock taken', async () => {
    const product = await driver.stockedProduct(3);
    const paid = await driver.checkout([{ productId: product.id, quantity: 2 }]);
    expect(paid.status).toBe('PAID');
    const [intent, ...others] = intentsOf(paid.id);
    expect(others).toEqual([]);
    expect(intent!.intent).toMatchObject({ status: 'succeeded', amount: paid.total.amount, currency: paid.total.currency.toLowerCase() });
    expect(intent!.charges.filter((charge) => charge.status === 'succeeded')).toHaveLength(1);
    await stripe.drain();
    expect(stripe.deliveries().filter((delivery) => delivery.type === 'payment_intent.succeeded').every((delivery) => delivery.status === 200)).toBe(true);
  });

  it('with a declined card ends CANCELLED (PAYMENT_FAILED), with the stock back and nothing charged', async () => {
    const product = await driver.stockedProduct(2);
    const cancelled = await driver.checkout([{ productId: product.id, quantity: 2 }], DECLINED_CARD);
    expect(cancelled).toMatchObject({ status: 'CANCELLED', cancellationReason: 'PAYMENT_FAILED' });
    expect(intentsOf(cancelled.id).flatMap((record) => record.charges).filter((charge) => charge.status === 'succeeded')).toEqual([]);
    const deadline = Date.now() + 30_000;
    while ((await driver.stockOf(product.slug)).reserved !== 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await driver.stockOf(product.slug)).toEqual({ onHand: 2, reserved: 0, available: 2 });
  });

  it('opens one PaymentIntent per order however often placeOrder is repeated with its key', async () => {
    const product = await driver.stockedProduct(5);
    const key = `stripe-idempotency-${Date.now()}`;
    const first = await driver.place([{ productId: product.id, quantity: 1 }], key);
    const again = await driver.place([{ productId: product.id, quantity: 1 }], key);
    expect(again.id).toBe(first.id);
    await driver.waitForPayable(first.id);
    const deadline = Date.now() + 30_000;
    while (intentsOf(first.id).length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(intentsOf(first.id)).toHaveLength(1);
  });
});

describe('the Stripe webhook', () => {
  it('applies a duplicated event once', async () => {
    const product = await driver.stockedProduct(2);
    const paid = await driver.checkout([{ productId: product.id, quantity: 1 }]);
    await stripe.drain();
    const succeeded = stripe.events().find((event) => event.type === 'payment_intent.succeeded' && (event.data.object as { metadata?: Record<string, string> }).metadata?.['orderId'] === paid.id);
    expect(succeeded).toBeDefined();
    const again = await stripe.resend(succeeded!.id);
    expect(again.status).toBe(200);
    const after = await driver.progress(paid.id);
    expect(after.statusHistory.map((step) => step.status)).toEqual(['PENDING', 'AWAITING_PAYMENT', 'PAID']);
    expect(after.payment?.status).toBe('SUCCEEDED');
  });

  it.each(['tampered', 'stale', 'wrong-secret', 'none'] as const)('refuses a %s signature with 400 and applies nothing', async (signature) => {
    const product = await driver.stockedProduct(1);
    const order = await driver.place([{ productId: product.id, quantity: 1 }]);
    await driver.waitForPayable(order.id);
    const deadline = Date.now() + 30_000;
    while (intentsOf(order.id).length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    const [record] = intentsOf(order.id);
    // A forged "it succeeded" for an intent that was never paid.
    const delivery = await stripe.sendEvent(
      { type: 'payment_intent.succeeded', data: { object: { ...record!.intent, status: 'succeeded' } } },
      { signature },
    );
    expect(delivery.status).toBe(400);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await driver.progress(order.id)).toMatchObject({ status: 'AWAITING_PAYMENT', payment: { status: 'PENDING' } });
  });
});
