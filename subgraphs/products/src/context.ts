import type { EntityManager } from '@mikro-orm/postgresql';
import { authenticate, type AccessTokenVerifier, type RequestInfo, type SubgraphOrm, type Viewer } from '@techally/platform';
import { createCategoryLoaders, type CategoryLoaders } from './category/category.loaders';
import { CategoryReads } from './category/category.reads';
import { CategoryService } from './category/category.service';
import type { ProductFeed } from './live/product-feed';
import { createProductLoaders, type ProductLoaders } from './product/product.loaders';
import { ProductReads } from './product/product.reads';
import { ProductService } from './product/product.service';

export type ProductsLoaders = ProductLoaders & CategoryLoaders;

/** Everything a resolver of this subgraph may use; nothing reaches a resolver any other way. */
export interface ProductsContext extends RequestInfo {
  /** Null for an anonymous request: the catalog is public to read. */
  readonly viewer: Viewer | null;
  readonly loaders: ProductsLoaders;
  readonly products: ProductService;
  readonly categories: CategoryService;
  /** The live product feed `Subscription.productChanged` reads (one per process, shared by every request). */
  readonly productFeed: ProductFeed;
}

export interface ContextDependencies {
  readonly orm: SubgraphOrm;
  readonly verifier: AccessTokenVerifier;
  readonly productFeed: ProductFeed;
}

/**
 * Builds the context of each request. A request with a bad token is refused with UNAUTHENTICATED even though
 * reading is public: a client whose token went stale should learn so, not silently browse as anonymous.
 *
 * Reads go through ProductReads / CategoryReads (plain rows on the ORM's connection, nothing per request but
 * the loaders); the request's own EntityManager (identity map and unit of work scoped to the request) is forked
 * the first time a write asks for it, so a listing never pays for one.
 */
export function createContextFactory({ orm, verifier, productFeed }: ContextDependencies) {
  const connection = orm.em.getConnection();
  const productReads = new ProductReads(connection);
  const categoryReads = new CategoryReads(connection);
  return async (request: RequestInfo): Promise<ProductsContext> => {
    const viewer = await authenticate(verifier, request.headers);
    let em: EntityManager | null = null;
    const entityManager = () => (em ??= orm.em.fork() as EntityManager);
    const loaders: ProductsLoaders = { ...createProductLoaders(productReads), ...createCategoryLoaders(categoryReads) };
    // Carried into the events a write causes, so a consumer's logs name the request that caused them.
    const eventMetadata = { requestId: request.requestId };
    return {
      ...request,
      viewer,
      loaders,
      products: new ProductService(entityManager, productReads, viewer, loaders, eventMetadata),
      categories: new CategoryService(entityManager, categoryReads, viewer, loaders, eventMetadata),
      productFeed,
    };
  };
}
