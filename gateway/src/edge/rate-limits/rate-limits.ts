import type { IncomingHttpHeaders } from 'node:http';
import type { OperationDefinitionNode } from 'graphql';
import { clientAddressOf, type Logger, type Viewer } from '@techally/platform';
import type { Registry } from 'prom-client';
import { RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { PartnerCaller } from '../partner-caller';
import { budgetsOf, createBudgetLimiters } from './budget-limiters';
import { callerBudgetOf, clientBucketOf, type BudgetKind } from './caller-budget';
import { credentialAttemptsIn } from './credential-attempts';
import type { CostedOperation, OperationCostOf } from './operation-cost-of';
import type { Budget, RateLimitConfig } from './rate-limit-config';
import type { Refusal } from './rate-limit-error';
import { createRateLimitMetrics, type RateLimitMetrics } from './rate-limit-metrics';

/** A request as the edge sees it once it is authenticated and its operation resolved. */
export interface LimitedRequest {
  readonly headers: IncomingHttpHeaders;
  readonly remoteAddress?: string | undefined;
  readonly viewer: Viewer | null;
  readonly partner: PartnerCaller | null;
  readonly operation: CostedOperation & { readonly definition: OperationDefinitionNode | undefined };
}

export interface RateLimitsOptions {
  readonly config: RateLimitConfig;
  /** GATEWAY_TRUSTED_PROXIES: how many X-Forwarded-For entries, from the right, were written by our own proxies. */
  readonly trustedProxies: number;
  readonly costOf: OperationCostOf;
  readonly redisUrl: string | undefined;
  readonly registry: Registry;
  readonly logger: Logger;
}

/**
 * The edge's budgets (gateway/README.md, *Rate limits*): every operation spends its cost from its caller's budget
 * (API key, user or client address); credential mutations also spend from their client address's stricter
 * budget. `admit` answers the refusal, or null to let the request go on.
 */
export class RateLimits {
  private readonly budgets: Record<BudgetKind, Budget>;
  private readonly limiters: Readonly<Record<BudgetKind, RateLimiterAbstract>>;
  private readonly metrics: RateLimitMetrics;
  private readonly closeLimiters: () => Promise<void>;

  constructor(private readonly options: RateLimitsOptions) {
    this.budgets = budgetsOf(options.config);
    this.metrics = createRateLimitMetrics(options.registry);
    const store = createBudgetLimiters({
      config: options.config,
      redisUrl: options.redisUrl,
      logger: options.logger,
      onLocalDecision: (budget) => this.metrics.localDecisions.inc({ budget }),
    });
    this.limiters = store.limiters;
    this.closeLimiters = () => store.close();
  }

  async admit(request: LimitedRequest): Promise<Refusal | null> {
    const clientAddress = clientAddressOf(request.headers, request.remoteAddress, this.options.trustedProxies);
    const attempts = credentialAttemptsIn(request.operation.definition, request.operation.document);
    // Not capped at the budget: a request carrying more guesses than the budget allows is refused whole.
    if (attempts > 0) {
      const refusal = await this.spend('credentials', clientBucketOf(clientAddress), attempts);
      if (refusal) return refusal;
    }
    const caller = callerBudgetOf({ partner: request.partner, viewer: request.viewer, clientAddress });
    // Capped at the budget: the most expensive operation the cost limit lets through can still run once a window.
    const points = Math.min(pointsFor(this.options.costOf(request.operation), this.options.config.costPerPoint), this.budgets[caller.kind].points);
    return this.spend(caller.kind, caller.key, points);
  }

  async close(): Promise<void> {
    await this.closeLimiters();
  }

  private async spend(budget: BudgetKind, key: string, points: number): Promise<Refusal | null> {
    try {
      await this.limiters[budget].consume(key, points);
      return null;
    } catch (outcome) {
      if (outcome instanceof RateLimiterRes) {
        this.metrics.refusals.inc({ budget });
        return { budget, limit: this.budgets[budget], retryAfterSeconds: Math.max(1, Math.ceil(outcome.msBeforeNext / 1_000)) };
      }
      // Only if the memory limiter itself failed (a bug, not an outage): refusing everyone would be worse.
      this.options.logger.error({ err: outcome, budget }, 'rate limits: no decision could be taken; request let through');
      return null;
    }
  }
}

/** One point per started `costPerPoint` of cost, at least 1 (a whole number: the counters take no fractions). */
export function pointsFor(cost: number, costPerPoint: number): number {
  const points = Math.ceil(cost / costPerPoint);
  return Number.isFinite(points) && points > 1 ? points : 1;
}
