import type { Logger } from '@techally/platform';
import Stripe from 'stripe';
import { validateCard } from './card';
import {
  PaymentProviderError,
  type CardDetails,
  type ConfirmOutcome,
  type CreateIntentRequest,
  type IntentStatus,
  type PaymentIntent,
  type PaymentProvider,
  type RefundReceipt,
} from './payment-provider';
import { stripeTestPaymentMethod } from './test-cards';

/** Where the SDK sends its requests: Stripe's API by default, a local fake in tests. */
export interface StripeApi {
  readonly host: string;
  readonly port: number;
  readonly protocol: 'http' | 'https';
}

export interface StripeProviderOptions {
  /** `sk_test_…` or `sk_live_…` (`STRIPE_SECRET_KEY`). */
  readonly secretKey: string;
  /** Another API address (`STRIPE_API_URL` through {@link stripeApiFromUrl}); Stripe's own by default. */
  readonly api?: StripeApi;
  /** How long one HTTP request may take before the SDK gives up on it (and retries); 15 s by default. */
  readonly timeoutMs?: number;
  readonly logger: Logger;
}

const DEFAULT_TIMEOUT_MS = 15_000;
/** Stripe's own advice: retry connection failures and 409/5xx, under the same idempotency key. */
const MAX_NETWORK_RETRIES = 2;

/**
 * The {@link PaymentProvider} on Stripe's PaymentIntents through the official SDK. Amounts stay in minor units;
 * currencies go to Stripe lower-cased and come back upper-cased as the rest of the graph writes them. Every
 * POST carries an idempotency key (ours where the contract gives one, the SDK's otherwise), so the SDK's own
 * retries and ours never create, charge or refund twice. A card decline is an answer (`declined` with Stripe's
 * decline code); every other Stripe failure, a lost connection included, is a {@link PaymentProviderError} with
 * Stripe's code.
 */
export function createStripeProvider(options: StripeProviderOptions): PaymentProvider {
  // confirm() stands test PaymentMethods for card numbers (test-cards.ts): with a live key it could never work.
  if (/^(sk|rk)_live_/.test(options.secretKey)) {
    throw new Error('The Stripe provider takes test-mode keys only (sk_test_…): confirmPayment sends card numbers, which only Stripe test mode can stand for.');
  }
  const stripe = new Stripe(options.secretKey, {
    ...(options.api ? { host: options.api.host, port: options.api.port, protocol: options.api.protocol } : {}),
    maxNetworkRetries: MAX_NETWORK_RETRIES,
    timeout: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    telemetry: false,
  });
  const { logger } = options;

  /** Runs a Stripe call, turning Stripe's errors into PaymentProviderErrors (logged without card data). */
  async function call<T>(operation: string, reference: string | null, request: () => Promise<T>): Promise<T> {
    try {
      return await request();
    } catch (error) {
      throw providerError(error, operation, reference, logger);
    }
  }

  async function retrieve(reference: string): Promise<Stripe.PaymentIntent> {
    return call('retrieve', reference, () => stripe.paymentIntents.retrieve(reference));
  }

  return {
    name: 'stripe',

    async createIntent(request: CreateIntentRequest): Promise<PaymentIntent> {
      const intent = await call('createIntent', null, () =>
        stripe.paymentIntents.create(
          {
            amount: request.amount,
            currency: request.currency.toLowerCase(),
            metadata: { orderId: request.metadata.orderId },
            // Cards only, confirmed by this server: no automatic payment methods, so no redirect to come back from.
            // (API 2026-10-28 replaced `payment_method_types` on create with `allowed_payment_method_types`.)
            allowed_payment_method_types: ['card'],
          },
          { idempotencyKey: request.idempotencyKey },
        ),
      );
      return toPaymentIntent(intent);
    },

    async confirm(reference: string, card: CardDetails, confirmOptions: { idempotencyKey?: string } = {}): Promise<ConfirmOutcome> {
      const { number } = validateCard(card);
      let intent: Stripe.PaymentIntent;
      try {
        intent = await stripe.paymentIntents.confirm(
          reference,
          { payment_method: stripeTestPaymentMethod(number) },
          confirmOptions.idempotencyKey ? { idempotencyKey: confirmOptions.idempotencyKey } : undefined,
        );
      } catch (error) {
        if (error instanceof Stripe.errors.StripeCardError) {
          logger.info({ reference, code: error.code, declineCode: error.decline_code, requestId: error.requestId }, 'stripe declined the card');
          return { status: 'declined', code: declineCode(error) };
        }
        // Confirming an intent that has already succeeded: Stripe charges nothing and says so; we answer succeeded.
        if (error instanceof Stripe.errors.StripeError && error.code === 'payment_intent_unexpected_state') {
          if ((await retrieve(reference)).status === 'succeeded') return { status: 'succeeded' };
        }
        throw providerError(error, 'confirm', reference, logger);
      }
      if (intent.status === 'succeeded') return { status: 'succeeded' };
      // 3-D Secure (requires_action) or an asynchronous method: not a flow this server can finish on its own.
      throw new PaymentProviderError('payment_intent_unexpected_state', `Intent ${reference} is ${intent.status} after confirmation.`);
    },

    async cancel(reference: string): Promise<void> {
      try {
        await stripe.paymentIntents.cancel(reference);
      } catch (error) {
        // Cancelling twice is done, not a failure (a redelivered order-cancelled event does exactly that).
        if (error instanceof Stripe.errors.StripeError && error.code === 'payment_intent_unexpected_state') {
          if ((await retrieve(reference)).status === 'canceled') return;
        }
        throw providerError(error, 'cancel', reference, logger);
      }
    },

    async refund(reference: string, refundOptions: { amount?: number; idempotencyKey?: string } = {}): Promise<RefundReceipt> {
      const refund = await call('refund', reference, () =>
        stripe.refunds.create(
          { payment_intent: reference, ...(refundOptions.amount === undefined ? {} : { amount: refundOptions.amount }) },
          refundOptions.idempotencyKey ? { idempotencyKey: refundOptions.idempotencyKey } : undefined,
        ),
      );
      return { reference: refund.id, amount: refund.amount };
    },
  };
}

/**
 * `STRIPE_API_URL` (`http://127.0.0.1:12111`, `https://api.stripe.com`) as the SDK's host, port and protocol.
 * Throws naming the URL when it is not an absolute http(s) URL without a path.
 */
export function stripeApiFromUrl(url: string): StripeApi {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`Not a URL: ${JSON.stringify(url)} (expected e.g. http://127.0.0.1:12111).`);
  }
  const protocol = parsed.protocol.slice(0, -1);
  if (protocol !== 'http' && protocol !== 'https') throw new Error(`The Stripe API URL must be http or https: ${url}.`);
  if ((parsed.pathname !== '/' && parsed.pathname !== '') || parsed.search || parsed.username) {
    throw new Error(`The Stripe API URL takes a scheme, host and port only: ${url}.`);
  }
  const port = parsed.port ? Number(parsed.port) : protocol === 'https' ? 443 : 80;
  // An IPv6 host comes back in brackets from URL; the SDK's http client wants it bare.
  return { host: parsed.hostname.replace(/^\[(.*)\]$/, '$1'), port, protocol };
}

/**
 * The code a decline is reported with: Stripe's `decline_code` when it says more than the error code, else the
 * code (`expired_card`, `incorrect_cvc` come without one). Stripe's catch-all `generic_decline` reads
 * `card_declined`, as the simulated provider and the payments README say.
 */
function declineCode(error: InstanceType<typeof Stripe.errors.StripeCardError>): string {
  const specific = error.decline_code;
  if (specific && specific !== 'generic_decline') return specific;
  return error.code ?? 'card_declined';
}

/** Stripe's error classes whose errors carry no `code`, by the code that names them. */
const CODE_BY_ERROR_TYPE: Readonly<Record<string, string>> = {
  StripeConnectionError: 'api_connection_error',
  StripeAuthenticationError: 'authentication_error',
  StripePermissionError: 'permission_error',
  StripeRateLimitError: 'rate_limit',
  StripeIdempotencyError: 'idempotency_error',
  StripeAPIError: 'api_error',
  StripeInvalidRequestError: 'invalid_request_error',
};

function providerError(error: unknown, operation: string, reference: string | null, logger: Logger): unknown {
  if (error instanceof PaymentProviderError || !(error instanceof Stripe.errors.StripeError)) return error;
  const code = error.code ?? CODE_BY_ERROR_TYPE[error.type] ?? error.rawType ?? 'api_error';
  logger.warn({ operation, reference, code, statusCode: error.statusCode, requestId: error.requestId }, 'stripe request failed');
  const where = error.requestId ? ` (Stripe request ${error.requestId})` : '';
  return new PaymentProviderError(code, `Stripe ${operation} failed: ${error.message}${where}`);
}

function toPaymentIntent(intent: Stripe.PaymentIntent): PaymentIntent {
  return { reference: intent.id, status: intentStatus(intent), amount: intent.amount, currency: intent.currency.toUpperCase() };
}

function intentStatus(intent: Stripe.PaymentIntent): IntentStatus {
  switch (intent.status) {
    case 'succeeded':
      return 'succeeded';
    case 'canceled':
      return 'canceled';
    case 'requires_payment_method':
    case 'requires_confirmation':
      return 'requires_payment_method';
    default:
      throw new PaymentProviderError('payment_intent_unexpected_state', `Intent ${intent.id} is ${intent.status}; cards confirmed by this server never are.`);
  }
}
