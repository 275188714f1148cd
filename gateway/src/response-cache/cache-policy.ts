import type { CacheKeys } from './cache-key';

/** The policy Apollo computed for the response from every subgraph's Cache-Control (null: not cacheable). */
export interface ComputedPolicy {
  readonly maxAge: number;
  readonly scope: 'PUBLIC' | 'PRIVATE';
}

export type StorageDecision =
  | { readonly store: false; readonly reason: 'uncacheable' | 'errors' | 'private-anonymous' }
  | { readonly store: true; readonly key: string; readonly ttlMs: number };

/**
 * Whether and where an answer is kept. Only a query without errors whose every part was hinted cacheable
 * (maxAge > 0, the minimum over all parts, capped by RESPONSE_CACHE_MAX_TTL_SECONDS); PUBLIC under the public
 * key, PRIVATE — any part private makes the whole private — under the caller's own key, and not at all for an
 * anonymous caller (there is no one to key it by).
 */
export function storageDecision(input: {
  readonly policy: ComputedPolicy | null;
  readonly hasErrors: boolean;
  readonly keys: CacheKeys;
  readonly maxTtlSeconds: number;
}): StorageDecision {
  if (input.hasErrors) return { store: false, reason: 'errors' };
  if (!input.policy || input.policy.maxAge <= 0) return { store: false, reason: 'uncacheable' };
  const ttlMs = Math.min(input.policy.maxAge, input.maxTtlSeconds) * 1_000;
  if (input.policy.scope === 'PUBLIC') return { store: true, key: input.keys.publicKey, ttlMs };
  if (!input.keys.privateKey) return { store: false, reason: 'private-anonymous' };
  return { store: true, key: input.keys.privateKey, ttlMs };
}
