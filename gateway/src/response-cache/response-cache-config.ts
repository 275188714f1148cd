import { ConfigError } from '@techally/platform';

/** The response cache's settings (RESPONSE_CACHE_*; gateway/README.md, *Response cache*). */
export interface ResponseCacheConfig {
  /** RESPONSE_CACHE=on|off (default on). Even on, the cache runs only where events can invalidate it. */
  readonly enabled: boolean;
  /** Upper bound on any entry's life, whatever the hints say (RESPONSE_CACHE_MAX_TTL_SECONDS, default 60). */
  readonly maxTtlSeconds: number;
  /** Entries kept by the in-memory store of the embedded start; beyond, the oldest go (RESPONSE_CACHE_MEMORY_ENTRIES). */
  readonly memoryEntries: number;
  /** How long a Redis command may take before the request is served from the subgraphs instead (RESPONSE_CACHE_REDIS_TIMEOUT_MS). */
  readonly redisTimeoutMs: number;
  /** Prefix of every cache key in Redis (RESPONSE_CACHE_KEY_PREFIX, default `<EVENTS_KEY_PREFIX>:response-cache`). */
  readonly keyPrefix: string;
}

export const RESPONSE_CACHE_VARIABLES = Object.freeze({
  RESPONSE_CACHE: 'on or off (default on): the gateway answers public catalog reads from its response cache, invalidated by domain events.',
  RESPONSE_CACHE_MAX_TTL_SECONDS: 'Longest life of an entry whatever the schema hints allow (default 60; 1 to 86400).',
  RESPONSE_CACHE_MEMORY_ENTRIES: 'Entries of the in-memory store (embedded start, no REDIS_URL; default 10000).',
  RESPONSE_CACHE_REDIS_TIMEOUT_MS: 'A Redis command slower than this is abandoned and the request served from the subgraphs (default 100).',
  RESPONSE_CACHE_KEY_PREFIX: 'Prefix of the cache keys in Redis (default <EVENTS_KEY_PREFIX>:response-cache).',
});

/** Reads RESPONSE_CACHE_*; a bad value is a ConfigError naming the variable. `eventsKeyPrefix` is the bus's prefix. */
export function loadResponseCacheConfig(source: Record<string, string | undefined>, eventsKeyPrefix: string): ResponseCacheConfig {
  const problems: Record<string, string> = {};
  const switchText = (source['RESPONSE_CACHE']?.trim().toLowerCase() || 'on');
  if (switchText !== 'on' && switchText !== 'off') problems['RESPONSE_CACHE'] = `on or off, got "${switchText}"`;
  const integer = (name: string, fallback: number, min: number, max: number): number => {
    const text = source[name]?.trim() || String(fallback);
    const value = Number(text);
    if (!/^\d+$/.test(text) || value < min || value > max) problems[name] = `a whole number from ${min} to ${max}, got "${text}"`;
    return value;
  };
  const maxTtlSeconds = integer('RESPONSE_CACHE_MAX_TTL_SECONDS', 60, 1, 86_400);
  const memoryEntries = integer('RESPONSE_CACHE_MEMORY_ENTRIES', 10_000, 1, 10_000_000);
  const redisTimeoutMs = integer('RESPONSE_CACHE_REDIS_TIMEOUT_MS', 100, 1, 10_000);
  const keyPrefix = source['RESPONSE_CACHE_KEY_PREFIX']?.trim() || `${eventsKeyPrefix}:response-cache`;
  if (!/^[A-Za-z0-9_.:-]{1,120}$/.test(keyPrefix)) problems['RESPONSE_CACHE_KEY_PREFIX'] = 'letters, digits, _ . : - only (at most 120)';
  if (Object.keys(problems).length > 0) throw new ConfigError(problems);
  return Object.freeze({ enabled: switchText === 'on', maxTtlSeconds, memoryEntries, redisTimeoutMs, keyPrefix });
}
