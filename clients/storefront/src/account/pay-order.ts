import type { Client } from 'urql';
import { graphErrorOf, type GraphError } from '@techally/app-kit';
import type { Card } from './card-form';
import { nextLiveStatus } from './live-order';
import { StorefrontConfirmPaymentMutation, StorefrontOrderProgressQuery } from './order-operations';

export type PaymentOutcome =
  | { readonly kind: 'paid' }
  /** Declined: the payment is FAILED for good and the order cancelled (a new order is needed). */
  | { readonly kind: 'declined'; readonly failureCode: string | null }
  /** The order was cancelled before it could be paid (out of stock, too late…). */
  | { readonly kind: 'cancelled'; readonly reason: string | null }
  /** Refused or not reached; the order may still be paid (a card field to fix, the shop not reachable). */
  | { readonly kind: 'error'; readonly error: GraphError };

/** How long to trust the live update alone before reading the order once more (a socket can be down). */
const LIVE_WAIT_MS = 15_000;
/** Retries of a payment not opened yet once the order awaits payment (payments opens it moments later). */
const OPENING_RETRIES = 8;

/**
 * Pays an order with a card. confirmPayment answers PAYMENT_NOT_ALLOWED with `retryable: true` while no payment
 * is open for the order yet — the order is still PENDING (its stock being reserved), or has just become
 * AWAITING_PAYMENT and the payments subgraph is opening the payment. Rather than retrying blindly, this waits
 * for the order's status to move (the live subscription the caller holds, with one read in case it moved before
 * the subscription was live), then retries; only the short opening step after AWAITING_PAYMENT, which no event
 * announces, is retried with a short backoff.
 */
export async function payOrder(client: Client, orderId: string, card: Card, signal: AbortSignal, onWaiting: () => void): Promise<PaymentOutcome> {
  let openingRetries = 0;
  for (;;) {
    const result = await client.mutation(StorefrontConfirmPaymentMutation, { input: { orderId, card } }).toPromise();
    const payment = result.data?.confirmPayment;
    if (payment) {
      if (payment.status === 'SUCCEEDED') return { kind: 'paid' };
      if (payment.status === 'FAILED') return { kind: 'declined', failureCode: payment.failureCode };
      // REFUNDED: it succeeded for an order cancelled meanwhile, and the money went back at once.
      return { kind: 'cancelled', reason: payment.status === 'REFUNDED' ? 'PAYMENT_REFUNDED' : null };
    }
    const error = graphErrorOf(result.error);
    if (error.code === 'PAYMENT_NOT_ALLOWED' && error.extensions['orderStatus'] === 'CANCELLED') return cancelledOutcome(client, orderId);
    if (error.code !== 'PAYMENT_NOT_ALLOWED' || error.extensions['retryable'] !== true) return { kind: 'error', error };
    onWaiting();
    const progress = await readProgress(client, orderId);
    if (signal.aborted) return { kind: 'error', error: { code: 'ABORTED', message: 'The checkout was left.', extensions: {} } };
    if (!progress) return { kind: 'error', error };
    if (progress.status === 'CANCELLED') return { kind: 'cancelled', reason: progress.cancellationReason };
    if (progress.status === 'PAID' || progress.status === 'FULFILLED') return { kind: 'paid' };
    if (progress.status === 'PENDING') {
      const moved = await waitForStatus(client, orderId, ['AWAITING_PAYMENT', 'CANCELLED', 'PAID'], signal);
      if (moved?.status === 'CANCELLED') return { kind: 'cancelled', reason: moved.cancellationReason };
      continue;
    }
    if (progress.status === 'AWAITING_PAYMENT' && progress.payment?.status !== 'PENDING') {
      if (++openingRetries > OPENING_RETRIES) return { kind: 'error', error };
      await pause(150 * 2 ** openingRetries, signal);
    }
    if (signal.aborted) return { kind: 'error', error: { code: 'ABORTED', message: 'The checkout was left.', extensions: {} } };
  }
}

async function readProgress(client: Client, orderId: string) {
  const result = await client.query(StorefrontOrderProgressQuery, { id: orderId }, { requestPolicy: 'network-only' }).toPromise();
  return result.data?.order ?? null;
}

async function cancelledOutcome(client: Client, orderId: string): Promise<PaymentOutcome> {
  const progress = await readProgress(client, orderId);
  return { kind: 'cancelled', reason: progress?.cancellationReason ?? null };
}

/** The live update that shows the order in one of `statuses`; after a long silence, one read instead. */
async function waitForStatus(client: Client, orderId: string, statuses: ReadonlyArray<string>, signal: AbortSignal) {
  const giveUp = new AbortController();
  const onAbort = () => giveUp.abort();
  signal.addEventListener('abort', onAbort);
  const timer = setTimeout(() => giveUp.abort(), LIVE_WAIT_MS);
  try {
    const live = await nextLiveStatus(client, orderId, statuses, giveUp.signal);
    return live ?? (await readProgress(client, orderId));
  } finally {
    clearTimeout(timer);
    signal.removeEventListener('abort', onAbort);
  }
}

function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}
