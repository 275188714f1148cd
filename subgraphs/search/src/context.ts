import { authenticate, type AccessTokenVerifier, type RequestInfo, type Viewer } from '@techally/platform';
import type { SearchBackend } from './backend/search-backend';
import { SearchService } from './search/search.service';

/** Everything a resolver of this subgraph may use; nothing reaches a resolver any other way. */
export interface SearchContext extends RequestInfo {
  /** Null for an anonymous request: search is public. */
  readonly viewer: Viewer | null;
  readonly search: SearchService;
}

export interface ContextDependencies {
  readonly verifier: AccessTokenVerifier;
  readonly backend: SearchBackend;
}

/**
 * Builds the context of each request: no EntityManager (search reads plain SQL on the pool). A request with a
 * bad token is refused with UNAUTHENTICATED even though search is public, as everywhere in the graph.
 */
export function createContextFactory({ verifier, backend }: ContextDependencies) {
  const search = new SearchService(backend);
  return async (request: RequestInfo): Promise<SearchContext> => ({
    ...request,
    viewer: await authenticate(verifier, request.headers),
    search,
  });
}
