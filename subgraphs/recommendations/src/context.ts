import { authenticate, type AccessTokenVerifier, type RequestInfo, type SubgraphOrm, type Viewer } from '@techally/platform';
import { ProductViews } from './recommendation/product-views';
import { RecommendationService } from './recommendation/recommendation.service';
import { RecommendationQueries } from './scoring/recommendation.queries';

/** Everything a resolver of this subgraph may use; nothing reaches a resolver any other way. */
export interface RecommendationsContext extends RequestInfo {
  readonly viewer: Viewer | null;
  readonly recommendations: RecommendationService;
}

export interface ContextDependencies {
  readonly verifier: AccessTokenVerifier;
  readonly orm: SubgraphOrm;
}

/**
 * Builds the context of each request. The statements are plain SQL on the pool (no EntityManager state to
 * fork); the service is per request, for its DataLoaders and its viewer.
 */
export function createContextFactory({ verifier, orm }: ContextDependencies) {
  const connection = orm.em.getConnection();
  const queries = new RecommendationQueries(connection);
  const views = new ProductViews(connection);
  return async (request: RequestInfo): Promise<RecommendationsContext> => {
    const viewer = await authenticate(verifier, request.headers);
    return { ...request, viewer, recommendations: new RecommendationService(queries, views, viewer) };
  };
}
