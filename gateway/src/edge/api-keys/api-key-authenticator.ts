import type { IncomingHttpHeaders } from 'node:http';
import { hashApiKey, isWellFormedApiKey, type ApiKeyLookupAnswer, type ApiKeyRevocations, type Logger } from '@techally/platform';
import { Counter, type Registry } from 'prom-client';
import { API_KEY_HEADER, RATE_TIERS, type PartnerCaller, type RateTier } from '../partner-caller';
import { ApiKeyCache } from './api-key-cache';
import { ConcurrencyLimit } from './concurrency-limit';
import { ApiKeyRefusal } from './api-key-errors';
import type { ApiKeyLookup } from './api-key-lookup-client';

export interface ApiKeyAuthenticator {
  /** The partner the request's `x-api-key` names; null without the header; UNAUTHENTICATED for a bad key. */
  partnerFrom(headers: IncomingHttpHeaders): Promise<PartnerCaller | null>;
  stop(): Promise<void>;
}

export interface ApiKeyAuthenticatorOptions {
  readonly lookup: ApiKeyLookup;
  readonly revocations: ApiKeyRevocations;
  readonly cacheSeconds: number;
  readonly cacheEntries: number;
  /** Lookups in flight at most (different keys; one key is one lookup anyway); the rest wait their turn. */
  readonly maxConcurrentLookups?: number;
  readonly logger: Logger;
  readonly registry?: Registry;
  readonly now?: () => number;
}

/**
 * Partner API keys at the edge (issue #11). A key is refused without asking anyone when it is not well formed
 * (prefix, length, checksum); otherwise its hash is answered from the cache or looked up on the users
 * subgraph — one lookup at a time per hash, however many requests carry it. Revocations heard from the users
 * subgraph drop the key at once; while they cannot be heard (Redis away), no valid key is taken from the cache.
 */
export function createApiKeyAuthenticator(options: ApiKeyAuthenticatorOptions): ApiKeyAuthenticator {
  const now = options.now ?? Date.now;
  const cache = new ApiKeyCache(options.cacheSeconds * 1_000, options.cacheEntries);
  const inFlight = new Map<string, Promise<ApiKeyLookupAnswer>>();
  const limit = new ConcurrencyLimit(options.maxConcurrentLookups ?? 16);
  const lookups = new Counter({
    name: 'api_key_lookups_total',
    help: 'API-key lookups the gateway made on the users subgraph, by answer (active, expired, unknown, failed).',
    labelNames: ['result'] as const,
    registers: options.registry ? [options.registry] : [],
  });
  let stopListening: Promise<() => void> | null = null;

  // Heard from the first partner request on: a gateway that never sees a key opens no Redis subscription.
  function listen(): void {
    stopListening ??= options.revocations.listen({
      onRevoked: (keyId) => cache.forgetKey(keyId),
      onGap: () => cache.forgetActive(),
    });
    stopListening.catch((error: unknown) => {
      options.logger.warn({ err: error }, 'API-key revocations cannot be heard; every key is looked up until they can');
      stopListening = null;
    });
  }

  function lookUp(keyHash: string): Promise<ApiKeyLookupAnswer> {
    const pending = inFlight.get(keyHash);
    if (pending) return pending;
    const generation = cache.generation;
    const lookup = limit.run(() => options.lookup(keyHash)).then(
      (answer) => {
        lookups.inc({ result: answer.status });
        cache.set(keyHash, answer, now(), generation);
        return answer;
      },
      (error: unknown) => {
        lookups.inc({ result: 'failed' });
        options.logger.error({ err: error }, 'API key lookup failed');
        throw ApiKeyRefusal.lookupUnavailable();
      },
    );
    inFlight.set(keyHash, lookup);
    void lookup.finally(() => inFlight.delete(keyHash)).catch(() => undefined);
    return lookup;
  }

  return {
    async partnerFrom(headers) {
      const presented = headers[API_KEY_HEADER];
      if (presented === undefined) return null;
      if (typeof presented !== 'string' || !isWellFormedApiKey(presented)) throw ApiKeyRefusal.invalid();
      if (headers.authorization !== undefined) throw ApiKeyRefusal.withAccessToken();
      listen();
      const keyHash = hashApiKey(presented);
      const answer = cache.get(keyHash, now(), options.revocations.isListening()) ?? (await lookUp(keyHash));
      if (answer.status === 'expired') throw ApiKeyRefusal.expired();
      if (answer.status !== 'active') throw ApiKeyRefusal.invalid();
      // Expired since it was cached or looked up (the cache never keeps it past expiry, but a lookup in flight may end after).
      if (Date.parse(answer.key.expiresAt) <= now()) throw ApiKeyRefusal.expired();
      return { keyId: answer.key.id, name: answer.key.name, ownerId: answer.key.ownerId, tier: tierOf(answer.key.tier) };
    },
    async stop() {
      const stopping = stopListening;
      stopListening = null;
      (await stopping?.catch(() => null))?.();
    },
  };
}

function tierOf(tier: string): RateTier {
  // An unknown tier (a users subgraph newer than this gateway) gets the smallest budget, not an error.
  return (RATE_TIERS as ReadonlyArray<string>).includes(tier) ? (tier as RateTier) : 'basic';
}
