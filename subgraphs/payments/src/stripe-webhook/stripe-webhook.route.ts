import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EntityManager } from '@mikro-orm/postgresql';
import { requestIdFrom, sendJson, type Logger, type RouteHandler, type SubgraphOrm } from '@techally/platform';
import Stripe from 'stripe';
import { applyStripeReport } from './stripe-webhook.handler';
import { readPaymentReport } from './stripe-payment-report';

/** Where Stripe POSTs events (configure the endpoint with this path). */
export const STRIPE_WEBHOOK_PATH = '/webhooks/stripe';

/** Stripe's events are a few kilobytes; anything near this is not from Stripe. */
export const MAX_WEBHOOK_BODY_BYTES = 1_000_000;

export interface StripeWebhookRouteOptions {
  readonly orm: SubgraphOrm;
  /** The endpoint's signing secret (`whsec_…`). */
  readonly webhookSecret: string;
  readonly logger: Logger;
  readonly clock: () => Date;
  /** Called after a success was recorded for an order already cancelled (the refund sweep gives it back). */
  readonly onRefundOwed: (paymentId: string) => void;
}

/**
 * `POST /webhooks/stripe` (saga step 10). The signature is checked on the raw body, exactly as received, with the
 * SDK's own `Stripe.webhooks.constructEvent` (no API key involved): a missing, wrong or stale (older than Stripe's
 * 5-minute tolerance) signature answers 400 and touches nothing. A verified event is applied in one short
 * transaction without calling Stripe (stripe-webhook.handler.ts), so the answer is quick and Stripe does not
 * retry. Every verified event answers 200, also a duplicate, an unknown intent or a mismatch (retrying those would
 * not change them); a database failure answers 500 and Stripe retries later.
 */
export function stripeWebhookRoute(options: StripeWebhookRouteOptions): RouteHandler {
  return async (request, response) => {
    const requestId = requestIdFrom(request.headers);
    const logger = options.logger.child({ requestId, route: STRIPE_WEBHOOK_PATH });
    if (request.method !== 'POST') {
      response.setHeader('allow', 'POST');
      return sendJson(response, 405, { error: 'Only POST is accepted here.' });
    }
    const body = await readRawBody(request, MAX_WEBHOOK_BODY_BYTES);
    if (body === null) return refuseTooLarge(request, response);

    const signature = request.headers['stripe-signature'];
    if (typeof signature !== 'string' || signature === '') {
      logger.warn('Stripe webhook without a Stripe-Signature header refused');
      return sendJson(response, 400, { error: 'Missing Stripe-Signature header.' });
    }
    let event: Stripe.Event;
    try {
      event = Stripe.webhooks.constructEvent(body, signature, options.webhookSecret);
    } catch (error) {
      logger.warn({ reason: (error as Error).message }, 'Stripe webhook with an invalid signature refused');
      return sendJson(response, 400, { error: 'Invalid Stripe signature.' });
    }

    const report = readPaymentReport(event);
    if (!report) return sendJson(response, 200, { received: true, ignored: event.type });
    const outcome = await applyStripeReport(options.orm.em.fork() as EntityManager, report, {
      at: options.clock(),
      metadata: { requestId },
      logger,
    });
    sendJson(response, 200, { received: true, outcome: outcome.kind });
    if (outcome.kind === 'applied' && outcome.refundOwed) options.onRefundOwed(outcome.paymentId);
  };
}

/** The body exactly as sent (the signature covers its bytes), or null once it exceeds `maxBytes`. */
function readRawBody(request: IncomingMessage, maxBytes: number): Promise<Buffer | null> {
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) return Promise.resolve(null);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    request.on('data', (chunk: Buffer) => {
      if (settled) return;
      size += chunk.length;
      if (size > maxBytes) {
        settled = true;
        resolve(null);
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => {
      if (settled) return;
      settled = true;
      resolve(Buffer.concat(chunks));
    });
    request.on('error', (error) => {
      if (settled) return;
      settled = true;
      reject(error);
    });
  });
}

/** 413, and the connection closed after it rather than reading the rest of an oversized body. */
function refuseTooLarge(request: IncomingMessage, response: ServerResponse): void {
  response.setHeader('connection', 'close');
  response.on('finish', () => request.destroy());
  sendJson(response, 413, { error: `Body larger than ${MAX_WEBHOOK_BODY_BYTES} bytes.` });
}
