import type { PartnerAnswer } from './partner-client';

/** A 429 RATE_LIMITED answer, as the gateway words it (gateway/README.md, *Rate limits*). */
export interface RateLimitRefusal {
  /** `Retry-After`, the header every HTTP client and proxy understands. */
  readonly retryAfterHeader: string | null;
  /** `extensions.retryAfterSeconds`, the same figure for GraphQL clients that read only the body. */
  readonly retryAfterSeconds: number;
  /** Which budget was spent: `partner-basic`, `partner-standard`, `partner-premium`. */
  readonly budget: string | null;
  readonly message: string;
}

/** The refusal in an answer, or null when the answer is not RATE_LIMITED. */
export function rateLimitRefusalOf(answer: PartnerAnswer<unknown>): RateLimitRefusal | null {
  const error = answer.errors.find((entry) => entry.extensions?.code === 'RATE_LIMITED');
  if (answer.status !== 429 || !error) return null;
  const fromBody = Number(error.extensions?.['retryAfterSeconds']);
  const fromHeader = Number(answer.retryAfterHeader);
  // Both carry the same figure; the header is the standard one (RFC 9110 §10.2.3), the body's the fallback.
  const retryAfterSeconds = Number.isFinite(fromHeader) && fromHeader > 0 ? fromHeader : Number.isFinite(fromBody) ? fromBody : 1;
  const budget = error.extensions?.['budget'];
  return { retryAfterHeader: answer.retryAfterHeader, retryAfterSeconds, budget: typeof budget === 'string' ? budget : null, message: error.message };
}
