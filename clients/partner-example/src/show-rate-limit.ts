import { GraphQLRequestError, PartnerProductDocument } from '@techally/web-client';
import type { PartnerClient } from './partner-client';
import type { Sleep } from './polite-request';
import { rateLimitRefusalOf, type RateLimitRefusal } from './rate-limit-refusal';

export interface ShowRateLimitOptions {
  readonly client: PartnerClient;
  readonly sleep: Sleep;
  /** The product every request asks for: `product(id)` is the cheapest partner operation (one point). */
  readonly productId: string;
  /** The most requests sent while looking for the end of the budget (a premium key may never reach it). */
  readonly maxRequests: number;
  /** The longest `Retry-After` the example waits for before showing it is admitted again. */
  readonly maxWaitSeconds: number;
  /** Told of the refusal before any wait (the example prints it). */
  readonly onRefusal?: (refusal: RateLimitRefusal, admittedBeforeRefusal: number) => void;
}

/** What the example saw of its budget. */
export type RateLimitObservation =
  | { readonly refused: false; readonly requestsSent: number }
  | {
      readonly refused: true;
      /** Requests admitted before the refusal, in this burst. */
      readonly admittedBeforeRefusal: number;
      readonly refusal: RateLimitRefusal;
      /** After waiting `Retry-After`: the status of the next request; null when the wait was longer than allowed. */
      readonly statusAfterWait: number | null;
    };

/**
 * Spends the key's budget on purpose: sends `product(id)` until the gateway answers 429 RATE_LIMITED, waits the
 * `Retry-After` it gave (only if it is at most `maxWaitSeconds`: the budgets' window is a minute by default, and
 * an example must end) and sends once more to show the key is admitted again.
 */
export async function showRateLimit(options: ShowRateLimitOptions): Promise<RateLimitObservation> {
  for (let sent = 1; sent <= options.maxRequests; sent++) {
    const answer = await options.client.send(PartnerProductDocument, { id: options.productId });
    const refusal = rateLimitRefusalOf(answer);
    if (!refusal) {
      if (answer.status !== 200 || answer.errors.length > 0) throw new GraphQLRequestError(answer.errors, answer.status, answer.data);
      continue;
    }
    options.onRefusal?.(refusal, sent - 1);
    if (refusal.retryAfterSeconds > options.maxWaitSeconds) {
      return { refused: true, admittedBeforeRefusal: sent - 1, refusal, statusAfterWait: null };
    }
    await options.sleep(refusal.retryAfterSeconds * 1_000);
    const again = await options.client.send(PartnerProductDocument, { id: options.productId });
    return { refused: true, admittedBeforeRefusal: sent - 1, refusal, statusAfterWait: again.status };
  }
  return { refused: false, requestsSent: options.maxRequests };
}
