import { Counter, type Registry } from 'prom-client';

/** The response cache on the gateway's `/metrics` (gateway/README.md, *Response cache*). */
export interface ResponseCacheMetrics {
  /** Lookups by result: `hit` or `miss`. */
  readonly lookups: Counter<'result'>;
  /** Answers kept. */
  readonly stores: Counter;
  /** Answers not kept, by reason: `uncacheable`, `errors`, `private-anonymous`, `invalidated-meanwhile`, `slow`. */
  readonly skips: Counter<'reason'>;
  /** Requests that did not use the cache, by reason: `admin`, `not-a-query`, `store-unavailable`. */
  readonly bypasses: Counter<'reason'>;
  /** Invalidations applied, by what caused them: an event type, or `mutation`. */
  readonly invalidations: Counter<'cause'>;
  /** Entries deleted by invalidations. */
  readonly invalidatedEntries: Counter;
  /** Store commands that failed or timed out, by operation (`lookup`, `store`, `invalidate`). */
  readonly errors: Counter<'operation'>;
  /** New epochs started (everything forgotten): at each (re)connection to Redis and after a doubtful invalidation. */
  readonly epochs: Counter;
}

export function createResponseCacheMetrics(registry: Registry): ResponseCacheMetrics {
  const counter = <L extends string>(name: string, help: string, labelNames: L[] = []) =>
    new Counter<L>({ name, help, labelNames, registers: [registry] });
  return {
    lookups: counter('response_cache_lookups_total', 'Response cache lookups, by result (hit, miss).', ['result']),
    stores: counter('response_cache_stores_total', 'Answers kept by the response cache.'),
    skips: counter('response_cache_skips_total', 'Answers the response cache did not keep, by reason.', ['reason']),
    bypasses: counter('response_cache_bypasses_total', 'Requests answered without the response cache, by reason.', ['reason']),
    invalidations: counter('response_cache_invalidations_total', 'Invalidations applied, by cause (event type, or mutation).', ['cause']),
    invalidatedEntries: counter('response_cache_invalidated_entries_total', 'Entries deleted by invalidations.'),
    errors: counter('response_cache_errors_total', 'Response cache store commands that failed or timed out, by operation.', ['operation']),
    epochs: counter('response_cache_epochs_total', 'New cache epochs started (every entry forgotten at once).'),
  };
}
