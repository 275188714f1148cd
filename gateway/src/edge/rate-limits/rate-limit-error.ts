import { HeaderMap } from '@apollo/server';
import { DomainError, ErrorCode } from '@techally/platform';
import type { BudgetKind } from './caller-budget';
import type { Budget } from './rate-limit-config';

/** A request that would overspend a budget: which one, its size, and when the caller may try again. */
export interface Refusal {
  readonly budget: BudgetKind;
  readonly limit: Budget;
  readonly retryAfterSeconds: number;
}

const WHOSE: Record<BudgetKind, string> = {
  anonymous: 'this client address (anonymous requests; signed-in users have a budget of their own)',
  user: 'your account',
  'partner-basic': "this API key (its tier's budget)",
  'partner-standard': "this API key (its tier's budget)",
  'partner-premium': "this API key (its tier's budget)",
  credentials: 'this client address for logIn, signUp and refreshSession (each such field counts)',
};

/**
 * RATE_LIMITED, written for the developer of a client: whose budget, its size, and when to retry — in the message,
 * in `extensions.retryAfterSeconds` and, over HTTP, as status 429 with a `Retry-After` header (RFC 9110 §10.2.3).
 * Apollo Server reads `extensions.http` off an error thrown by a plugin and removes it from the answer.
 */
export function rateLimited(refusal: Refusal, transport: 'http' | 'websocket' = 'http'): DomainError {
  const { points, windowSeconds } = refusal.limit;
  const unit = refusal.budget === 'credentials' ? 'requests' : 'points';
  return new DomainError(
    ErrorCode.RATE_LIMITED,
    `Rate limit reached: ${WHOSE[refusal.budget]} may spend ${points} ${unit} per ${windowSeconds} s` +
      `${unit === 'points' ? ' (an expensive query spends more than one)' : ''}. Retry after ${refusal.retryAfterSeconds} s.`,
    {
      retryAfterSeconds: refusal.retryAfterSeconds,
      budget: refusal.budget,
      ...(transport === 'http'
        ? { http: { status: 429, headers: new HeaderMap([['retry-after', String(refusal.retryAfterSeconds)]]) } }
        : {}),
    },
  );
}
