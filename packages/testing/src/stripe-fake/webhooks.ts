import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import Stripe from 'stripe';

/**
 * How a delivery is signed: `valid` with the endpoint's secret and the current time; `tampered` signed like
 * `valid` but the body changed afterwards (an amount raised, as an attacker would); `stale` signed with a
 * timestamp twice the SDK's tolerance in the past (a replayed capture); `wrong-secret` signed with another
 * secret; `none` without a `Stripe-Signature` header.
 */
export type WebhookSignature = 'valid' | 'tampered' | 'stale' | 'wrong-secret' | 'none';

/** A Stripe event as the fake sends it (https://docs.stripe.com/api/events/object). */
export interface StripeEventJson {
  id: string;
  object: 'event';
  api_version: string;
  created: number;
  data: { object: Record<string, unknown> };
  livemode: boolean;
  pending_webhooks: number;
  request: { id: string | null; idempotency_key: string | null };
  type: string;
}

/** One POST of an event to the webhook URL: the answer's status and body, or why there was none. */
export interface WebhookDelivery {
  readonly eventId: string;
  readonly type: string;
  readonly url: string;
  readonly signature: WebhookSignature;
  readonly status?: number;
  readonly body?: string;
  readonly error?: string;
}

const DELIVERY_TIMEOUT_MS = 10_000;

/**
 * Posts events to the webhook URL as Stripe does: a pretty-printed JSON body (so a receiver that re-serializes
 * instead of verifying the raw bytes fails), `Stripe-Signature` made by the SDK's own
 * `webhooks.generateTestHeaderString`. Events queued by API calls go out one at a time in the order the
 * changes happened, after the API response; a failed delivery is recorded, never retried by itself (a test
 * redelivers with `resend`).
 */
export class WebhookSender {
  private readonly log: WebhookDelivery[] = [];
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly secret: string,
    private url: string | undefined,
  ) {}

  setUrl(url: string | undefined): void {
    this.url = url;
  }

  enqueue(events: readonly StripeEventJson[]): void {
    for (const event of events) {
      this.queue = this.queue.then(() => (this.url ? this.deliver(event, 'valid') : undefined));
    }
  }

  /** Resolves once every delivery queued so far (and any queued meanwhile) has been answered or has failed. */
  async drain(): Promise<void> {
    let current: Promise<unknown>;
    do {
      current = this.queue;
      await current;
    } while (current !== this.queue);
  }

  deliveries(): WebhookDelivery[] {
    return [...this.log];
  }

  async deliver(event: StripeEventJson, signature: WebhookSignature): Promise<WebhookDelivery> {
    const url = this.url;
    if (!url) throw new Error('The Stripe fake has no webhook URL: pass webhookUrl or call setWebhookUrl first.');
    const payload = JSON.stringify(event, null, 2);
    const { header, body } = this.sign(payload, signature);
    const base = { eventId: event.id, type: event.type, url, signature };
    let delivery: WebhookDelivery;
    try {
      delivery = { ...base, ...(await post(url, body, header)) };
    } catch (error) {
      delivery = { ...base, error: error instanceof Error ? error.message : String(error) };
    }
    this.log.push(delivery);
    return delivery;
  }

  private sign(payload: string, signature: WebhookSignature): { header: string | undefined; body: string } {
    const nowSeconds = Math.floor(Date.now() / 1000);
    const header = (secret: string, timestamp = nowSeconds) => Stripe.webhooks.generateTestHeaderString({ payload, secret, timestamp });
    switch (signature) {
      case 'valid':
        return { header: header(this.secret), body: payload };
      case 'tampered':
        return { header: header(this.secret), body: tamper(payload) };
      case 'stale':
        return { header: header(this.secret, nowSeconds - 2 * Stripe.webhooks.DEFAULT_TOLERANCE), body: payload };
      case 'wrong-secret':
        return { header: header(`${this.secret}_not_this_one`), body: payload };
      case 'none':
        return { header: undefined, body: payload };
    }
  }
}

/** The first amount raised by 100 minor units; failing that, the body with one more byte. */
function tamper(payload: string): string {
  const raised = payload.replace(/"amount": (\d+)/, (_match, amount: string) => `"amount": ${Number(amount) + 100}`);
  return raised !== payload ? raised : `${payload}\n`;
}

function post(url: string, body: string, signature: string | undefined): Promise<{ status: number; body: string }> {
  const target = new URL(url);
  const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const request = send(
      target,
      {
        method: 'POST',
        agent: false,
        timeout: DELIVERY_TIMEOUT_MS,
        headers: {
          'Content-Type': 'application/json; charset=utf-8',
          'Content-Length': Buffer.byteLength(body),
          'User-Agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)',
          ...(signature ? { 'Stripe-Signature': signature } : {}),
        },
      },
      (response: IncomingMessage) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        response.on('error', reject);
      },
    );
    request.on('timeout', () => request.destroy(new Error(`No answer from ${url} within ${DELIVERY_TIMEOUT_MS} ms.`)));
    request.on('error', reject);
    request.end(body);
  });
}
