import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';
import { startStripeFake, type StripeFake } from '../stripe-fake';

interface Received {
  readonly body: string;
  readonly signature: string | undefined;
}

/** A webhook endpoint that records what it is sent; `answer` decides the status, `hold` keeps it waiting. */
async function startReceiver() {
  const received: Received[] = [];
  let answer = 200;
  let held: Promise<void> | null = null;
  const server: Server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({ body: Buffer.concat(chunks).toString('utf8'), signature: request.headers['stripe-signature'] as string | undefined });
      void (held ?? Promise.resolve()).then(() => response.writeHead(answer).end('{}'));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks/stripe`,
    received,
    answerWith(status: number) {
      answer = status;
    },
    /** Keeps every answer waiting until the returned function is called. */
    hold(): () => void {
      let release = () => {};
      held = new Promise<void>((resolve) => (release = resolve));
      return () => {
        held = null;
        release();
      };
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

let receiver: Awaited<ReturnType<typeof startReceiver>>;
let fake: StripeFake;
let stripe: Stripe;
const WEBHOOK_SECRET = 'whsec_test_webhooks_spec';

beforeAll(async () => {
  receiver = await startReceiver();
  fake = await startStripeFake({ webhookUrl: receiver.url, webhookSecret: WEBHOOK_SECRET });
  stripe = new Stripe(fake.secretKey, { ...fake.api, maxNetworkRetries: 0, telemetry: false });
});

afterAll(async () => {
  await fake.stop();
  await receiver.close();
});

beforeEach(() => {
  receiver.received.length = 0;
  receiver.answerWith(200);
});

/** What a receiver does: verify with the SDK, then read. Throws the SDK's error on a bad signature. */
function verify({ body, signature }: Received): Stripe.Event {
  return Stripe.webhooks.constructEvent(body, signature ?? '', WEBHOOK_SECRET);
}

function verificationError(received: Received): unknown {
  try {
    verify(received);
  } catch (error) {
    return error;
  }
  return null;
}

async function paidIntent(amount = 1_000) {
  const intent = await stripe.paymentIntents.create({ amount, currency: 'usd', metadata: { orderId: `o-${amount}` } });
  await stripe.paymentIntents.confirm(intent.id, { payment_method: 'pm_card_visa' }, { idempotencyKey: `${intent.id}:attempt:1` });
  return intent;
}

describe('Stripe fake: webhooks', () => {
  it('sends payment_intent.succeeded after a confirmation, signed so that Stripe.webhooks.constructEvent accepts it', async () => {
    const intent = await paidIntent(1_234);
    await fake.drain();
    expect(receiver.received).toHaveLength(1);
    const event = verify(receiver.received[0]!);
    expect(event).toMatchObject({
      id: expect.stringMatching(/^evt_/),
      object: 'event',
      type: 'payment_intent.succeeded',
      livemode: false,
      request: { id: expect.stringMatching(/^req_/), idempotency_key: `${intent.id}:attempt:1` },
      data: { object: { id: intent.id, object: 'payment_intent', status: 'succeeded', amount: 1_234, currency: 'usd', metadata: { orderId: 'o-1234' } } },
    });
    expect(fake.events().map((sent) => sent.id)).toContain(event.id);
    expect(fake.deliveries().find((delivery) => delivery.eventId === event.id)).toMatchObject({ status: 200, signature: 'valid', url: receiver.url });
  });

  it('sends payment_intent.payment_failed, payment_intent.canceled and charge.refunded (with the charge) as they happen', async () => {
    const declined = await stripe.paymentIntents.create({ amount: 2_000, currency: 'usd' });
    await stripe.paymentIntents.confirm(declined.id, { payment_method: 'pm_card_chargeDeclined' }).catch(() => undefined);
    await stripe.paymentIntents.cancel(declined.id);
    const paid = await paidIntent(3_000);
    await stripe.refunds.create({ payment_intent: paid.id, amount: 1_000 });
    await fake.drain();
    const events = receiver.received.map(verify);
    expect(events.map((event) => event.type)).toEqual(['payment_intent.payment_failed', 'payment_intent.canceled', 'payment_intent.succeeded', 'charge.refunded']);
    expect(events[0]!.data.object).toMatchObject({ id: declined.id, status: 'requires_payment_method', last_payment_error: { code: 'card_declined', decline_code: 'generic_decline' } });
    expect(events[1]!.data.object).toMatchObject({ id: declined.id, status: 'canceled' });
    expect(events[3]!.data.object).toMatchObject({ object: 'charge', payment_intent: paid.id, amount: 3_000, amount_refunded: 1_000, refunded: false, currency: 'usd', metadata: { orderId: 'o-3000' } });
  });

  it('sends nothing for a replayed request: the state did not change again', async () => {
    const intent = await paidIntent();
    await stripe.paymentIntents.confirm(intent.id, { payment_method: 'pm_card_visa' }, { idempotencyKey: `${intent.id}:attempt:1` });
    await fake.drain();
    expect(receiver.received.map((received) => verify(received).type)).toEqual(['payment_intent.succeeded']);
  });

  it('delivers only after the API has answered, never inside the response', async () => {
    const release = receiver.hold();
    try {
      // Were the webhook inside the response, this call would wait for the held receiver and never return.
      const intent = await paidIntent();
      expect((await stripe.paymentIntents.retrieve(intent.id)).status).toBe('succeeded');
    } finally {
      release();
    }
    await fake.drain();
    expect(receiver.received.map((received) => verify(received).type)).toEqual(['payment_intent.succeeded']);
  });

  it.each([
    ['tampered', 'No signatures found matching the expected signature for payload'],
    ['stale', 'Timestamp outside the tolerance zone'],
    ['wrong-secret', 'No signatures found matching the expected signature for payload'],
    ['none', 'No stripe-signature header value was provided.'],
  ] as const)('sends a %s delivery that Stripe.webhooks.constructEvent refuses', async (signature, message) => {
    const intent = await paidIntent();
    await fake.drain();
    const [sent] = fake.events().filter((event) => event.data.object['id'] === intent.id);
    const delivery = await fake.resend(sent!.id, { signature });
    expect(delivery).toMatchObject({ eventId: sent!.id, signature, status: 200 });
    const [valid, bad] = receiver.received;
    expect(verify(valid!).id).toBe(sent!.id);
    const error = verificationError(bad!);
    expect(error).toBeInstanceOf(Stripe.errors.StripeSignatureVerificationError);
    expect((error as Error).message).toContain(message);
  });

  it('raises the amount in a tampered body, which a receiver skipping verification would believe', async () => {
    await paidIntent(5_000);
    await fake.drain();
    const sent = fake.events().at(-1)!;
    await fake.resend(sent.id, { signature: 'tampered' });
    expect(JSON.parse(receiver.received[1]!.body)).toMatchObject({ id: sent.id, data: { object: { amount: 5_100 } } });
  });

  it('resends a recorded event with the same id, and sends an event of the test’s making', async () => {
    const intent = await paidIntent();
    await fake.drain();
    const original = fake.events().at(-1)!;
    await fake.resend(original.id);
    const custom = await fake.sendEvent({ type: 'payment_intent.payment_failed', data: { object: { id: intent.id, object: 'payment_intent', amount: 1_000 } } });
    const events = receiver.received.map(verify);
    expect(events.map((event) => [event.id, event.type])).toEqual([
      [original.id, 'payment_intent.succeeded'],
      [original.id, 'payment_intent.succeeded'],
      [custom.eventId, 'payment_intent.payment_failed'],
    ]);
    expect(fake.events().at(-1)).toMatchObject({ id: custom.eventId, object: 'event', livemode: false, request: { id: null } });
    await expect(fake.resend('evt_unknown')).rejects.toThrow('The Stripe fake sent no event evt_unknown.');
  });

  it('records a refused delivery and does not retry it by itself', async () => {
    receiver.answerWith(500);
    const intent = await paidIntent();
    await fake.drain();
    const [event] = fake.events().filter((sent) => sent.data.object['id'] === intent.id);
    expect(fake.deliveries().filter((delivery) => delivery.eventId === event!.id)).toEqual([expect.objectContaining({ status: 500, body: '{}' })]);
    expect(receiver.received).toHaveLength(1);
  });

  it('records events without sending them while it has no webhook URL, and sends again once given one', async () => {
    fake.setWebhookUrl(undefined);
    try {
      const quiet = await paidIntent();
      await fake.drain();
      expect(receiver.received).toHaveLength(0);
      expect(fake.events().at(-1)?.data.object).toMatchObject({ id: quiet.id });
      await expect(fake.resend(fake.events().at(-1)!.id)).rejects.toThrow('no webhook URL');
    } finally {
      fake.setWebhookUrl(receiver.url);
    }
    await paidIntent();
    await fake.drain();
    expect(receiver.received).toHaveLength(1);
  });

  it('records a delivery that could not connect', async () => {
    const down = await startReceiver();
    await down.close();
    fake.setWebhookUrl(down.url);
    try {
      const intent = await paidIntent();
      await fake.drain();
      const [event] = fake.events().filter((sent) => sent.data.object['id'] === intent.id);
      expect(fake.deliveries().filter((delivery) => delivery.eventId === event!.id)).toEqual([
        expect.objectContaining({ url: down.url, error: expect.stringContaining('ECONNREFUSED') }),
      ]);
    } finally {
      fake.setWebhookUrl(receiver.url);
    }
  });
});
