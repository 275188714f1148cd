import type { EntityManager } from '@mikro-orm/postgresql';
import {
  authenticate,
  forwardedFrom,
  type AccessTokenVerifier,
  type RequestInfo,
  type SubgraphOrm,
  type Viewer,
} from '@techally/platform';
import type { ProductCatalog } from './product/product-catalog';
import { ReviewListService } from './review/review-list.service';
import { createReviewLoaders, type ReviewLoaders } from './review/review.loaders';
import { ReviewRepository } from './review/review.repository';
import { ReviewService } from './review/review.service';

/** Everything a resolver of this subgraph may use; nothing reaches a resolver any other way. */
export interface ReviewsContext extends RequestInfo {
  /** Null for an anonymous request: reviews and ratings are public to read. */
  readonly viewer: Viewer | null;
  /** This request's own EntityManager (identity map and unit of work scoped to the request). */
  readonly em: EntityManager;
  readonly loaders: ReviewLoaders;
  readonly reviews: ReviewService;
  readonly reviewLists: ReviewListService;
}

export interface ContextDependencies {
  readonly orm: SubgraphOrm;
  readonly verifier: AccessTokenVerifier;
  readonly catalog: ProductCatalog;
}

/**
 * Builds the context of each request. A request with a bad token is refused with UNAUTHENTICATED even though
 * reading is public: a client whose token went stale should learn so, not silently read as anonymous.
 */
export function createContextFactory({ orm, verifier, catalog }: ContextDependencies) {
  return async (request: RequestInfo): Promise<ReviewsContext> => {
    const viewer = await authenticate(verifier, request.headers);
    const em = orm.em.fork() as EntityManager;
    const loaders = createReviewLoaders(em);
    return {
      ...request,
      viewer,
      em,
      loaders,
      reviews: new ReviewService({
        repository: new ReviewRepository(em),
        viewer,
        loaders,
        catalog,
        forwarded: forwardedFrom(request),
      }),
      reviewLists: new ReviewListService(viewer, loaders),
    };
  };
}
