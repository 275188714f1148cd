import { Redis } from 'ioredis';
import type { Logger } from '@techally/platform';
import { RateLimiterMemory, RateLimiterRedis, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { BudgetKind } from './caller-budget';
import type { Budget, RateLimitConfig } from './rate-limit-config';

/** One counter store per budget kind, and what closes them. */
export interface BudgetLimiters {
  readonly limiters: Readonly<Record<BudgetKind, RateLimiterAbstract>>;
  close(): Promise<void>;
}

export function budgetsOf(config: RateLimitConfig): Record<BudgetKind, Budget> {
  return {
    anonymous: config.anonymous,
    user: config.user,
    'partner-basic': config.partner.basic,
    'partner-standard': config.partner.standard,
    'partner-premium': config.partner.premium,
    credentials: config.credentials,
  };
}

export interface BudgetLimitersOptions {
  readonly config: RateLimitConfig;
  /** REDIS_URL: counters shared by every gateway process; without it (embedded start) each process counts alone. */
  readonly redisUrl: string | undefined;
  readonly logger: Logger;
  /** Called for each decision taken in memory because Redis failed or was too slow. */
  readonly onLocalDecision: (budget: BudgetKind) => void;
}

/**
 * rate-limiter-flexible's fixed-window counters: in Redis (one Lua script per decision: INCRBY + TTL, atomic
 * across gateway processes), each insured by a per-process memory limiter of the same size. Redis down, slow or
 * not yet connected: the decision is the memory limiter's — limits hold per process (each gateway process allows
 * the whole budget, so N processes allow up to N times it), never "unlimited" and never "refuse everyone". Redis
 * back: the next decision is Redis's again (its counters start from what they held, or from 0 after a restart).
 */
export function createBudgetLimiters(options: BudgetLimitersOptions): BudgetLimiters {
  const { config, redisUrl, logger, onLocalDecision } = options;
  const budgets = budgetsOf(config);
  const kinds = Object.keys(budgets) as BudgetKind[];
  const memory = (kind: BudgetKind, budget: Budget) =>
    new RateLimiterMemory({ keyPrefix: `${config.keyPrefix}:${kind}`, points: budget.points, duration: budget.windowSeconds });

  if (!redisUrl) {
    return { limiters: byKind(kinds, (kind) => memory(kind, budgets[kind])), close: async () => undefined };
  }

  const redis = new Redis(redisUrl, {
    connectionName: 'gateway-rate-limits',
    // No queue: while Redis is away a command fails at once and the memory limiter decides, instead of the request
    // waiting for a reconnection.
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    commandTimeout: config.redisTimeoutMs,
    connectTimeout: 2_000,
    retryStrategy: (attempt) => Math.min(attempt * 100, 2_000),
  });
  let reachable = true;
  redis.on('error', () => undefined); // 'close' tells; ioredis reconnects by itself
  redis.on('close', () => {
    if (reachable) logger.warn('rate limits: Redis unreachable; counting in each process\'s memory until it is back');
    reachable = false;
  });
  redis.on('ready', () => {
    if (!reachable) logger.info('rate limits: Redis is back; counters are shared again');
    reachable = true;
  });

  const limiters = byKind(kinds, (kind) => {
    const budget = budgets[kind];
    const insurance = memory(kind, budget);
    const consumeLocally = insurance.consume.bind(insurance);
    insurance.consume = (...args) => {
      onLocalDecision(kind);
      return consumeLocally(...args);
    };
    return new RateLimiterRedis({
      storeClient: redis,
      keyPrefix: `${config.keyPrefix}:${kind}`,
      points: budget.points,
      duration: budget.windowSeconds,
      rejectIfRedisNotReady: true,
      // A key over its budget stays refused until its window ends: remember that here, so a flood's refusals
      // cost no Redis round trip.
      inMemoryBlockOnConsumed: budget.points + 1,
      insuranceLimiter: insurance,
    });
  });
  return {
    limiters,
    async close() {
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}

function byKind(kinds: ReadonlyArray<BudgetKind>, make: (kind: BudgetKind) => RateLimiterAbstract): Record<BudgetKind, RateLimiterAbstract> {
  return Object.fromEntries(kinds.map((kind) => [kind, make(kind)])) as unknown as Record<BudgetKind, RateLimiterAbstract>;
}
