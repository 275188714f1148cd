import { CACHE_TAGS_HEADER } from '@techally/platform';

/** What one client request gathered from the subgraphs that answered its plan: the tags of what they read. */
export interface RequestCacheState {
  readonly tags: Set<string>;
}

/** Keyed by the request's context object: the data sources see that, not Apollo's request context. */
const states = new WeakMap<object, RequestCacheState>();

export function beginRequestCacheState(context: object): RequestCacheState {
  const state: RequestCacheState = { tags: new Set() };
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
  const header = headers?.get(CACHE_TAGS_HEADER);
  if (!state || !header) return;
  for (const tag of header.split(' ')) {
    if (tag === '') continue;
    state.tags.add(tag);
    const root = tag.indexOf(':Query.');
    if (root > 0) state.tags.add(tag.slice(0, root + ':Query'.length));
  }
}
