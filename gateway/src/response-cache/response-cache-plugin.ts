import { HeaderMap, type ApolloServerPlugin, type GraphQLRequestContext } from '@apollo/server';
import type { Logger } from '@techally/platform';
import type { GatewayContext } from '../context';
import { audienceOf, cacheKeysFor, type CacheKeys } from './cache-key';
import { storageDecision } from './cache-policy';
import type { ComputedPolicy } from './cache-policy';
import { beginRequestCacheState, type RequestCacheState } from './request-cache-state';
import type { ResponseCacheMetrics } from './response-cache-metrics';
import { INVALIDATION_MEMORY_MS, type ResponseStore, type StoreTicket } from './response-store';

/** Sent with every answer the cache gave (for people and tests; it says nothing about the data). */
export const CACHE_STATUS_HEADER = 'x-cache';

export interface ResponseCachePluginOptions {
  readonly store: ResponseStore;
  readonly metrics: ResponseCacheMetrics;
  readonly maxTtlSeconds: number;
  readonly logger: Logger;
  /** Applies an invalidation (a mutation's tags) and counts it. */
  readonly invalidate: (tags: ReadonlyArray<string>, cause: string) => Promise<void>;
}

/**
 * The whole-response cache in Apollo Server's request pipeline (after parsing and validation):
 * `responseForOperation` answers a query from the store when an entry exists for its keys; on a miss the
 * query runs through the query plan, each subgraph's answer adds its cache tags and restricts the request's
 * cache policy (Cache-Control), and `willSendResponse` keeps the answer when the policy allows it, filed
 * under those tags. A mutation's own tags are invalidated before its answer is sent (read your own write).
 */
export function responseCachePlugin(options: ResponseCachePluginOptions): ApolloServerPlugin<GatewayContext> {
  const { store, metrics } = options;
  return {
    async requestDidStart({ contextValue }) {
      const state = beginRequestCacheState(contextValue);
      let pending: { keys: CacheKeys; ticket: StoreTicket; startedAt: number } | null = null;
      let isMutation = false;
      return {
        async responseForOperation(requestContext) {
          const operation = requestContext.operation?.operation;
          if (operation !== 'query') {
            isMutation = operation === 'mutation';
            metrics.bypasses.inc({ reason: 'not-a-query' });
            return null;
          }
          const audience = audienceOf(contextValue.viewer);
          if (audience.kind === 'bypass') {
            metrics.bypasses.inc({ reason: 'admin' });
            return null;
          }
          if (!store.usable()) {
            metrics.bypasses.inc({ reason: 'store-unavailable' });
            return null;
          }
          const keys = cacheKeysFor(
            { query: requestContext.source ?? '', operationName: requestContext.request.operationName, variables: requestContext.request.variables },
            audience,
          );
          try {
            const found = await store.lookup(keys.privateKey ? [keys.publicKey, keys.privateKey] : [keys.publicKey]);
            if (found.body !== null) {
              metrics.lookups.inc({ result: 'hit' });
              return cachedResponse(found.body);
            }
            metrics.lookups.inc({ result: 'miss' });
            pending = { keys, ticket: found.ticket, startedAt: Date.now() };
          } catch (error) {
            metrics.errors.inc({ operation: 'lookup' });
            contextValue.logger.debug({ err: error }, 'response cache lookup failed; answering from the subgraphs');
          }
          return null;
        },

        async willSendResponse(requestContext) {
          if (isMutation && state.tags.size > 0) {
            await options.invalidate([...state.tags], 'mutation').catch(() => undefined);
            return;
          }
          if (!pending) return;
          await keep(requestContext, pending.keys, pending.ticket, pending.startedAt, state);
        },
      };
    },
  };

  async function keep(
    requestContext: GraphQLRequestContext<GatewayContext>,
    keys: CacheKeys,
    ticket: StoreTicket,
    startedAt: number,
    state: RequestCacheState,
  ): Promise<void> {
    const { response } = requestContext;
    if (response.body?.kind !== 'single') return;
    const result = response.body.singleResult;
    const decision = storageDecision({
      policy: bothPolicies(requestContext.overallCachePolicy.policyIfCacheable(), state.seen),
      hasErrors: (result.errors?.length ?? 0) > 0 || result.data == null,
      keys,
      maxTtlSeconds: options.maxTtlSeconds,
    });
    if (!decision.store) {
      metrics.skips.inc({ reason: decision.reason });
      return;
    }
    // Slower than the store remembers invalidations: it cannot tell whether this answer is already stale.
    if (Date.now() - startedAt > INVALIDATION_MEMORY_MS / 2) {
      metrics.skips.inc({ reason: 'slow' });
      return;
    }
    try {
      const stored = await options.store.store(decision.key, JSON.stringify({ data: result.data }), [...state.tags], decision.ttlMs, ticket);
      if (stored) metrics.stores.inc();
      else metrics.skips.inc({ reason: 'invalidated-meanwhile' });
    } catch (error) {
      metrics.errors.inc({ operation: 'store' });
      requestContext.contextValue.logger.debug({ err: error }, 'response cache store failed');
    }
  }
}

function cachedResponse(body: string) {
  return {
    http: { status: 200, headers: new HeaderMap([[CACHE_STATUS_HEADER, 'HIT']]) },
    body: { kind: 'single' as const, singleResult: JSON.parse(body) as { data: Record<string, unknown> } },
  };
}

/**
 * The stricter of Apollo's policy and the one folded from the subgraph answers this request saw: both must allow
 * caching (an answer with no subgraph answer seen is not cached), the smaller max age, private if either says so.
 */
export function bothPolicies(apollo: ComputedPolicy | null, seen: RequestCacheState['seen']): ComputedPolicy | null {
  if (!apollo || seen.answers === 0 || seen.maxAge <= 0) return null;
  return { maxAge: Math.min(apollo.maxAge, seen.maxAge), scope: apollo.scope === 'PRIVATE' || seen.isPrivate ? 'PRIVATE' : 'PUBLIC' };
}
