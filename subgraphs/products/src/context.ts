import type { EntityManager } from '@mikro-orm/postgresql';
import { authenticate, type AccessTokenVerifier, type RequestInfo, type SubgraphOrm, type Viewer } from '@techally/platform';
import { createCategoryLoaders, type CategoryLoaders } from './category/category.loaders';
import { CategoryService } from './category/category.service';
import { createProductLoaders, type ProductLoaders } from './product/product.loaders';
import { ProductService } from './product/product.service';

export type ProductsLoaders = ProductLoaders & CategoryLoaders;

/** Everything a resolver of this subgraph may use; nothing reaches a resolver any other way. */
export interface ProductsContext extends RequestInfo {
  /** Null for an anonymous request: the catalog is public to read. */
  readonly viewer: Viewer | null;
  /** This request's own EntityManager (identity map and unit of work scoped to the request). */
  readonly em: EntityManager;
  readonly loaders: ProductsLoaders;
  readonly products: ProductService;
  readonly categories: CategoryService;
}

export interface ContextDependencies {
  readonly orm: SubgraphOrm;
  readonly verifier: AccessTokenVerifier;
}

/**
 * Builds the context of each request. A request with a bad token is refused with UNAUTHENTICATED even though
 * reading is public: a client whose token went stale should learn so, not silently browse as anonymous.
 */
export function createContextFactory({ orm, verifier }: ContextDependencies) {
  return async (request: RequestInfo): Promise<ProductsContext> => {
    const viewer = await authenticate(verifier, request.headers);
    const em = orm.em.fork() as EntityManager;
    const loaders: ProductsLoaders = { ...createProductLoaders(em), ...createCategoryLoaders(em) };
    // Carried into the events a write causes, so a consumer's logs name the request that caused them.
    const eventMetadata = { requestId: request.requestId };
    return {
      ...request,
      viewer,
      em,
      loaders,
      products: new ProductService(em, viewer, loaders, eventMetadata),
      categories: new CategoryService(em, viewer, loaders, eventMetadata),
    };
  };
}
