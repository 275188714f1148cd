import { Counter, type Registry } from 'prom-client';
import { BUDGET_KINDS } from './caller-budget';

/** The rate limits on the gateway's `/metrics` (gateway/README.md, *Rate limits*). Labels: BUDGET_KINDS only. */
export interface RateLimitMetrics {
  /** Requests refused with RATE_LIMITED, by the budget that was spent. */
  readonly refusals: Counter<'budget'>;
  /** Decisions taken in this process's memory because Redis failed or was too slow to answer. */
  readonly localDecisions: Counter<'budget'>;
}

export function createRateLimitMetrics(registry: Registry): RateLimitMetrics {
  const refusals = new Counter<'budget'>({
    name: 'gateway_rate_limit_refusals_total',
    help: 'Requests refused with RATE_LIMITED, by budget (anonymous, user, partner-<tier>, credentials).',
    labelNames: ['budget'],
    registers: [registry],
  });
  const localDecisions = new Counter<'budget'>({
    name: 'gateway_rate_limit_local_decisions_total',
    help: 'Rate-limit decisions taken in process memory because Redis failed or timed out, by budget.',
    labelNames: ['budget'],
    registers: [registry],
  });
  // Every series from the start, at 0: an alert on a rate needs the series to exist before the first refusal.
  for (const budget of BUDGET_KINDS) {
    refusals.inc({ budget }, 0);
    localDecisions.inc({ budget }, 0);
  }
  return { refusals, localDecisions };
}
