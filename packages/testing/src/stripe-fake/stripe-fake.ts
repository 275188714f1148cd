import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';
import { FakeApiError } from './api-error';
import { FormEncodingError, parseStripeForm, type FormParams } from './form-encoding';
import { fakeId, PaymentIntentLedger, type FakeEventType, type FakePaymentIntentRecord } from './payment-intents';
import { WebhookSender, type StripeEventJson, type WebhookDelivery, type WebhookSignature } from './webhooks';

export interface StripeFakeOptions {
  /** Where events are POSTed; none → events are recorded but not sent (see `setWebhookUrl`). */
  readonly webhookUrl?: string;
  /** The endpoint's signing secret (`whsec_…`); a random one by default. */
  readonly webhookSecret?: string;
  /** The only API key accepted; a random `sk_test_…` by default. */
  readonly secretKey?: string;
}

/** One API call as the fake received it (after form decoding), with the status it answered. */
export interface FakeApiRequest {
  readonly method: string;
  readonly path: string;
  readonly params: FormParams;
  readonly idempotencyKey: string | null;
  readonly status: number;
  readonly replayed: boolean;
}

export interface StripeFake {
  /** `http://127.0.0.1:<port>`, what `STRIPE_API_URL` takes. */
  readonly url: string;
  /** The SDK's `{ host, port, protocol }` options for this fake. */
  readonly api: { readonly host: string; readonly port: number; readonly protocol: 'http' };
  readonly secretKey: string;
  readonly webhookSecret: string;
  /** Every intent with its charges (failed ones too) and refunds: a copy, taken now. */
  paymentIntents(): FakePaymentIntentRecord[];
  /** Every API call so far, in order. */
  requests(): FakeApiRequest[];
  /** Every event created so far (by API calls or `sendEvent`), in order. */
  events(): StripeEventJson[];
  /** Every webhook POST so far, with the receiver's answer. */
  deliveries(): WebhookDelivery[];
  /** Sends a recorded event again (a fresh signature; `valid` unless told). */
  resend(eventId: string, options?: { readonly signature?: WebhookSignature }): Promise<WebhookDelivery>;
  /** Sends an event of the test's making (missing envelope fields are filled in), signed as told (`valid`). */
  sendEvent(event: Partial<StripeEventJson> & { type: string; data: { object: Record<string, unknown> } }, options?: { readonly signature?: WebhookSignature }): Promise<WebhookDelivery>;
  setWebhookUrl(url: string | undefined): void;
  /** Resolves once every webhook queued so far has been delivered or has failed. */
  drain(): Promise<void>;
  stop(): Promise<void>;
}

const MAX_BODY_BYTES = 1024 * 1024;

interface StoredResponse {
  readonly endpoint: string;
  readonly params: string;
  readonly status: number;
  readonly body: string;
}

interface Answer {
  readonly status: number;
  readonly body: unknown;
  /** False for errors Stripe raises before executing (validation, unknown objects): not kept for the idempotency key. */
  readonly stored: boolean;
}

/**
 * A local stand-in for the part of Stripe's API that the payments subgraph's Stripe provider calls, driven by
 * the official SDK over loopback HTTP (README.md in this folder lists what it covers and what it does not).
 */
export async function startStripeFake(options: StripeFakeOptions = {}): Promise<StripeFake> {
  const secretKey = options.secretKey ?? `sk_test_fake_${randomBytes(12).toString('hex')}`;
  const webhookSecret = options.webhookSecret ?? `whsec_fake_${randomBytes(16).toString('hex')}`;
  const ledger = new PaymentIntentLedger();
  const webhooks = new WebhookSender(webhookSecret, options.webhookUrl);
  const idempotency = new Map<string, StoredResponse>();
  const requestLog: FakeApiRequest[] = [];
  const eventLog: StripeEventJson[] = [];

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) send(response, 500, { error: { type: 'api_error', message: `Stripe fake: ${String(error)}` } });
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const requestId = fakeId('req');
    response.setHeader('Request-Id', requestId);
    response.setHeader('Stripe-Version', String(request.headers['stripe-version'] ?? Stripe.API_VERSION));
    const method = request.method ?? 'GET';
    const url = new URL(request.url ?? '/', 'http://stripe-fake');
    const body = await readBody(request);
    if (body === null) return send(response, 413, errorBody(FakeApiError.invalidRequest('Request body too large.', { status: 413 })));

    const authError = authenticate(request.headers.authorization, secretKey);
    if (authError) return send(response, 401, errorBody(authError));

    let params: FormParams;
    try {
      params = parseStripeForm(method === 'GET' ? url.search.slice(1) : body);
    } catch (error) {
      if (!(error instanceof FormEncodingError)) throw error;
      return send(response, 400, errorBody(FakeApiError.parameterInvalid(error.param, 'parameter_invalid_string', error.message)));
    }

    const idempotencyKey = method === 'POST' ? headerValue(request.headers['idempotency-key']) : null;
    const endpoint = `${method} ${url.pathname}`;
    const log = (status: number, replayed: boolean) =>
      requestLog.push({ method, path: url.pathname, params, idempotencyKey, status, replayed });

    if (idempotencyKey !== null) {
      response.setHeader('Idempotency-Key', idempotencyKey);
      const stored = idempotency.get(idempotencyKey);
      if (stored) {
        const misuse = idempotencyMisuse(stored, endpoint, canonical(params), idempotencyKey);
        if (misuse) {
          log(400, false);
          return send(response, 400, { error: misuse });
        }
        response.setHeader('Idempotent-Replayed', 'true');
        log(stored.status, true);
        return sendRaw(response, stored.status, stored.body);
      }
    }

    const emitted: StripeEventJson[] = [];
    const emit = (type: FakeEventType, object: object) => {
      const event = envelope({ type, data: { object: object as Record<string, unknown> }, request: { id: requestId, idempotency_key: idempotencyKey } });
      eventLog.push(event);
      emitted.push(event);
    };
    const answer = route(method, url.pathname, params, emit);
    const text = JSON.stringify(answer.body, null, 2);
    if (idempotencyKey !== null && answer.stored) {
      idempotency.set(idempotencyKey, { endpoint, params: canonical(params), status: answer.status, body: text });
    }
    log(answer.status, false);
    // Webhooks leave only once the API answer has gone out, as Stripe's do: never inside the response.
    response.once('finish', () => webhooks.enqueue(emitted));
    sendRaw(response, answer.status, text);
  }

  function route(method: string, path: string, params: FormParams, emit: (type: FakeEventType, object: object) => void): Answer {
    try {
      const intentPath = /^\/v1\/payment_intents\/([^/]+)(?:\/(confirm|cancel))?$/.exec(path);
      if (method === 'POST' && path === '/v1/payment_intents') return ok(ledger.create(params));
      if (method === 'GET' && intentPath && !intentPath[2]) return ok(ledger.retrieve(decodeURIComponent(intentPath[1] as string), params));
      if (method === 'POST' && intentPath?.[2] === 'confirm') return ok(ledger.confirm(decodeURIComponent(intentPath[1] as string), params, emit));
      if (method === 'POST' && intentPath?.[2] === 'cancel') return ok(ledger.cancel(decodeURIComponent(intentPath[1] as string), params, emit));
      if (method === 'POST' && path === '/v1/refunds') return ok(ledger.refund(params, emit));
      throw FakeApiError.invalidRequest(
        `Unrecognized request URL (${method}: ${path}). The Stripe fake serves POST /v1/payment_intents, GET /v1/payment_intents/:id, POST /v1/payment_intents/:id/confirm, POST /v1/payment_intents/:id/cancel and POST /v1/refunds.`,
        { status: 404, stored: false },
      );
    } catch (error) {
      if (error instanceof FakeApiError) return { status: error.status, body: errorBody(error), stored: error.stored };
      throw error;
    }
  }

  function envelope(event: Partial<StripeEventJson> & { type: string; data: { object: Record<string, unknown> } }): StripeEventJson {
    return {
      id: fakeId('evt'),
      object: 'event',
      api_version: Stripe.API_VERSION,
      created: Math.floor(Date.now() / 1000),
      livemode: false,
      pending_webhooks: 1,
      request: { id: null, idempotency_key: null },
      ...event,
    };
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    api: { host: '127.0.0.1', port, protocol: 'http' },
    secretKey,
    webhookSecret,
    paymentIntents: () => ledger.snapshot(),
    requests: () => structuredClone(requestLog),
    events: () => structuredClone(eventLog),
    deliveries: () => webhooks.deliveries(),
    async resend(eventId, resendOptions = {}) {
      const event = eventLog.find((candidate) => candidate.id === eventId);
      if (!event) throw new Error(`The Stripe fake sent no event ${eventId}.`);
      return webhooks.deliver(event, resendOptions.signature ?? 'valid');
    },
    async sendEvent(event, sendOptions = {}) {
      const complete = envelope(event);
      eventLog.push(complete);
      return webhooks.deliver(complete, sendOptions.signature ?? 'valid');
    },
    setWebhookUrl: (url) => webhooks.setUrl(url),
    drain: () => webhooks.drain(),
    async stop() {
      await webhooks.drain();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

/** Stripe's answers to a missing or wrong key (401), naming only the key's prefix and last four characters. */
function authenticate(header: string | undefined, secretKey: string): FakeApiError | null {
  const key = header?.startsWith('Bearer ') ? header.slice('Bearer '.length).trim() : '';
  if (key === '') {
    return FakeApiError.invalidRequest(
      "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY').",
      { status: 401, stored: false },
    );
  }
  if (key !== secretKey) {
    const shown = key.length > 12 ? `${key.slice(0, 8)}${'*'.repeat(Math.min(key.length - 12, 20))}${key.slice(-4)}` : '****';
    return FakeApiError.invalidRequest(`Invalid API Key provided: ${shown}`, { status: 401, stored: false });
  }
  return null;
}

/** Stripe refuses a key reused on another endpoint or with other parameters (400 `idempotency_error`). */
function idempotencyMisuse(stored: StoredResponse, endpoint: string, params: string, key: string) {
  if (stored.endpoint !== endpoint) {
    return {
      type: 'idempotency_error' as const,
      message: `Keys for idempotent requests can only be used for the same endpoint they were first used for ('${stored.endpoint}' vs '${endpoint}'). Try using a key other than '${key}' if you meant to execute a different request.`,
    };
  }
  if (stored.params !== params) {
    return {
      type: 'idempotency_error' as const,
      message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`,
    };
  }
  return null;
}

/** Parameters compared regardless of key order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

function ok(body: unknown): Answer {
  return { status: 200, body, stored: true };
}

function errorBody(error: FakeApiError): { error: FakeApiError['error'] } {
  return { error: error.error };
}

function headerValue(value: string | string[] | undefined): string | null {
  if (Array.isArray(value)) return value[0] ?? null;
  return value ?? null;
}

async function readBody(request: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function send(response: ServerResponse, status: number, body: unknown): void {
  sendRaw(response, status, JSON.stringify(body, null, 2));
}

function sendRaw(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
  response.end(text);
}
