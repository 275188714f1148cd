import { ConfigError, num, readEnv, str, url } from '@techally/platform';

/** How the gateway checks partner API keys (issue #11): where it asks, and how long it remembers an answer. */
export interface ApiKeysConfig {
  /** The users subgraph's internal lookup route (API_KEY_LOOKUP_URL). */
  readonly lookupUrl: string;
  /** Presented as `Authorization: Bearer …` to the lookup (API_KEY_LOOKUP_SECRET); null: none (development). */
  readonly lookupSecret: string | null;
  readonly lookupTimeoutMs: number;
  /** Lookups in flight at most per process (API_KEY_LOOKUP_CONCURRENCY); more wait their turn. */
  readonly lookupConcurrency: number;
  /** How long an answer is kept (API_KEY_CACHE_SECONDS); a valid key never past its expiry. 0: ask every time. */
  readonly cacheSeconds: number;
  /** Answers kept at most per process (API_KEY_CACHE_ENTRIES); the oldest go first. */
  readonly cacheEntries: number;
}

export const MAX_API_KEY_CACHE_SECONDS = 30;

/**
 * Reads the API_KEY_* variables. The lookup URL defaults to the users subgraph's origin as JWKS_URL names it
 * (the service that issues the access tokens issues the keys too).
 */
export function loadApiKeysConfig(source: Record<string, string | undefined>, jwksUrl: string): ApiKeysConfig {
  const env = readEnv(
    {
      API_KEY_LOOKUP_URL: url({ default: new URL('/internal/api-keys/lookup', jwksUrl).href, desc: 'The users subgraph\'s internal API-key lookup.' }),
      API_KEY_LOOKUP_SECRET: str({ default: '', desc: 'Shared with the users subgraph (its API_KEY_LOOKUP_SECRET).' }),
      API_KEY_LOOKUP_TIMEOUT_MS: num({ default: 2_000, desc: 'How long a key lookup may take before the request answers SERVICE_UNAVAILABLE.' }),
      API_KEY_LOOKUP_CONCURRENCY: num({ default: 16, desc: 'Key lookups in flight at most per gateway process; more wait their turn.' }),
      API_KEY_CACHE_SECONDS: num({ default: MAX_API_KEY_CACHE_SECONDS, desc: 'How long a lookup\'s answer is kept (0 to 30).' }),
      API_KEY_CACHE_ENTRIES: num({ default: 10_000, desc: 'Lookup answers kept at most per gateway process.' }),
    },
    source,
  );
  const problems: Record<string, string> = {};
  const whole = (name: keyof typeof env, min: number, max: number) => {
    const value = env[name] as number;
    if (!Number.isInteger(value) || value < min || value > max) problems[name] = `must be a whole number from ${min} to ${max}, got ${value}`;
    return value;
  };
  const config: ApiKeysConfig = {
    lookupUrl: env.API_KEY_LOOKUP_URL,
    lookupSecret: env.API_KEY_LOOKUP_SECRET.trim() || null,
    lookupTimeoutMs: whole('API_KEY_LOOKUP_TIMEOUT_MS', 100, 60_000),
    lookupConcurrency: whole('API_KEY_LOOKUP_CONCURRENCY', 1, 1_000),
    // Longer would let a revocation missed while Redis was away live on too long.
    cacheSeconds: whole('API_KEY_CACHE_SECONDS', 0, MAX_API_KEY_CACHE_SECONDS),
    cacheEntries: whole('API_KEY_CACHE_ENTRIES', 1, 1_000_000),
  };
  if (Object.keys(problems).length > 0) throw new ConfigError(problems);
  return Object.freeze(config);
}
