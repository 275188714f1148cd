import { CACHE_TAGS_HEADER } from '@techally/platform';

/** What one client request gathered from the subgraphs that answered its plan: the tags of what they read. */
export interface RequestCacheState {
  readonly tags: Set<string>;
  /**
   * The policy of the subgraph answers seen here, folded independently of Apollo's overallCachePolicy (defence in
   * depth: a data source that skipped Apollo's restriction could otherwise make a private answer look public).
   */
  readonly seen: { answers: number; maxAge: number; isPrivate: boolean };
}

/** Keyed by the request's context object: the data sources see that, not Apollo's request context. */
const states = new WeakMap<object, RequestCacheState>();

export function beginRequestCacheState(context: object): RequestCacheState {
  const state: RequestCacheState = { tags: new Set(), seen: { answers: 0, maxAge: Number.POSITIVE_INFINITY, isPrivate: false } };
  states.set(context, state);
  return state;
}

/**
 * Called by the gateway's data source for every subgraph answer (ForwardingDataSource.didReceiveResponse):
 * files the request under the tags the subgraph listed. A root-field tag (`products:Query.products`) also
 * files it under its subgraph's `<name>:Query`, which an event that changes every listing invalidates.
 */
export function noteSubgraphAnswer(context: object, headers: { get(name: string): string | null } | undefined): void {
  const state = states.get(context);
  if (!state) return;
  foldCacheControl(state.seen, headers?.get('cache-control') ?? null);
  const header = headers?.get(CACHE_TAGS_HEADER);
  if (!header) return;
  for (const tag of header.split(' ')) {
    if (tag === '') continue;
    state.tags.add(tag);
    const root = tag.indexOf(':Query.');
    if (root > 0) state.tags.add(tag.slice(0, root + ':Query'.length));
  }
}

/** `max-age=N, public|private` as Apollo's subgraphs send it; anything else (no-store, nothing) is uncacheable. */
function foldCacheControl(seen: RequestCacheState['seen'], header: string | null): void {
  seen.answers++;
  const match = header ? /^max-age=(\d+), (public|private)$/.exec(header.trim()) : null;
  seen.maxAge = Math.min(seen.maxAge, match ? Number(match[1]) : 0);
  if (match?.[2] === 'private') seen.isPrivate = true;
}
