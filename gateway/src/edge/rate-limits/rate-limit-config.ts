import { ConfigError } from '@techally/platform';
import { RATE_TIERS, type RateTier } from '../partner-caller';

/** A number of points a caller may spend per window (fixed windows, counted from the caller's first request). */
export interface Budget {
  readonly points: number;
  readonly windowSeconds: number;
}

/** The edge's rate limits (GATEWAY_RATE_LIMIT*; gateway/README.md, *Rate limits*). */
export interface RateLimitConfig {
  /** GATEWAY_RATE_LIMITS=on|off (default on). */
  readonly enabled: boolean;
  /** Per client address, for callers with neither an access token nor an API key. */
  readonly anonymous: Budget;
  /** Per signed-in user (the access token's subject), from whichever address. */
  readonly user: Budget;
  /** Per API key, sized by the key's tier. */
  readonly partner: Readonly<Record<RateTier, Budget>>;
  /** Per client address, for the credential mutations (logIn, signUp, refreshSession), on top of the above. */
  readonly credentials: Budget;
  /** How much operation cost one point pays for: a request spends ceil(cost / costPerPoint) points, at least 1. */
  readonly costPerPoint: number;
  /** A slower Redis answer is abandoned and the decision taken in this process's memory. */
  readonly redisTimeoutMs: number;
  /** Prefix of the counters' Redis keys. */
  readonly keyPrefix: string;
}

/**
 * Defaults for a real shop. A storefront page is a handful of requests, so 600 points a minute is ~100 pages a
 * minute per address — room for a household or an office behind one NAT, not for a scraper. Signed-in users get
 * twice that, wherever they come from. Credential mutations: 10 a minute per address (the users subgraph's
 * per-account throttling stays behind it; this caps how fast one client can spray passwords over many accounts).
 */
export const RATE_LIMIT_DEFAULTS = Object.freeze({
  windowSeconds: 60,
  anonymous: 600,
  user: 1_200,
  partner: Object.freeze({ basic: 600, standard: 3_000, premium: 15_000 } satisfies Record<RateTier, number>),
  credentials: 10,
  credentialsWindowSeconds: 60,
  /**
   * The operation limits' cost is the number of objects an answer can hold: the storefront's listing ~100–200, a
   * product page ~30, a mutation 1–5. One point per started 100 keeps a point close to "one ordinary request" and
   * makes a 100 × 100 fan-out spend a hundred.
   */
  costPerPoint: 100,
  redisTimeoutMs: 100,
});

/** Reads GATEWAY_RATE_LIMIT*; a bad value is a ConfigError naming the variable. `eventsKeyPrefix` is the bus's prefix. */
export function loadRateLimitConfig(source: Record<string, string | undefined>, eventsKeyPrefix: string): RateLimitConfig {
  const problems: Record<string, string> = {};
  const switchText = source['GATEWAY_RATE_LIMITS']?.trim().toLowerCase() || 'on';
  if (switchText !== 'on' && switchText !== 'off') problems['GATEWAY_RATE_LIMITS'] = `on or off, got "${switchText}"`;
  const integer = (name: string, fallback: number, max = 100_000_000): number => {
    const text = source[name]?.trim() || String(fallback);
    const value = Number(text);
    if (!/^\d+$/.test(text) || value < 1 || value > max) problems[name] = `a whole number from 1 to ${max}, got "${text}"`;
    return value;
  };
  const windowSeconds = integer('GATEWAY_RATE_LIMIT_WINDOW_SECONDS', RATE_LIMIT_DEFAULTS.windowSeconds, 86_400);
  const budget = (name: string, fallback: number): Budget => Object.freeze({ points: integer(name, fallback), windowSeconds });
  const partner = Object.fromEntries(
    RATE_TIERS.map((tier) => [tier, budget(`GATEWAY_RATE_LIMIT_PARTNER_${tier.toUpperCase()}`, RATE_LIMIT_DEFAULTS.partner[tier])]),
  ) as Record<RateTier, Budget>;
  const credentials = Object.freeze({
    points: integer('GATEWAY_RATE_LIMIT_CREDENTIALS', RATE_LIMIT_DEFAULTS.credentials),
    windowSeconds: integer('GATEWAY_RATE_LIMIT_CREDENTIALS_WINDOW_SECONDS', RATE_LIMIT_DEFAULTS.credentialsWindowSeconds, 86_400),
  });
  const keyPrefix = source['GATEWAY_RATE_LIMIT_KEY_PREFIX']?.trim() || `${eventsKeyPrefix}:rate-limit`;
  if (!/^[A-Za-z0-9_.:-]{1,120}$/.test(keyPrefix)) problems['GATEWAY_RATE_LIMIT_KEY_PREFIX'] = 'letters, digits, _ . : - only (at most 120)';
  const config: RateLimitConfig = Object.freeze({
    enabled: switchText === 'on',
    anonymous: budget('GATEWAY_RATE_LIMIT_ANONYMOUS', RATE_LIMIT_DEFAULTS.anonymous),
    user: budget('GATEWAY_RATE_LIMIT_USER', RATE_LIMIT_DEFAULTS.user),
    partner: Object.freeze(partner),
    credentials,
    costPerPoint: integer('GATEWAY_RATE_LIMIT_COST_PER_POINT', RATE_LIMIT_DEFAULTS.costPerPoint),
    redisTimeoutMs: integer('GATEWAY_RATE_LIMIT_REDIS_TIMEOUT_MS', RATE_LIMIT_DEFAULTS.redisTimeoutMs, 10_000),
    keyPrefix,
  });
  if (Object.keys(problems).length > 0) throw new ConfigError(problems);
  return config;
}

/** GATEWAY_TRUSTED_PROXIES: proxies in front of the gateway that append to X-Forwarded-For (default 0). */
export function loadTrustedProxies(source: Record<string, string | undefined>): number {
  const text = source['GATEWAY_TRUSTED_PROXIES']?.trim() || '0';
  if (!/^\d+$/.test(text) || Number(text) > 10) {
    throw new ConfigError({ GATEWAY_TRUSTED_PROXIES: `a whole number from 0 to 10 (proxies in front of the gateway), got "${text}"` });
  }
  return Number(text);
}
