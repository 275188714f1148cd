import type { EntityManager } from '@mikro-orm/postgresql';
import {
  authenticate,
  forwardedFrom,
  lazyFork,
  type AccessTokenVerifier,
  type RequestInfo,
  type SubgraphOrm,
  type Viewer,
} from '@techally/platform';
import type { StockFeed } from './live/stock-feed';
import type { ProductCatalog } from './product/product-catalog';
import { createInventoryLoaders, type InventoryLoaders } from './stock/stock.loaders';
import { StockService } from './stock/stock.service';
import { WarehouseService } from './warehouse/warehouse.service';

/** Everything a resolver of this subgraph may use; nothing reaches a resolver any other way. */
export interface InventoryContext extends RequestInfo {
  /** Null for an anonymous request: stock summaries are public. */
  readonly viewer: Viewer | null;
  readonly loaders: InventoryLoaders;
  readonly stock: StockService;
  readonly warehouses: WarehouseService;
  /** The live stock feed `Subscription.stockChanged` reads (one per process, shared by every request). */
  readonly stockFeed: StockFeed;
}

export interface ContextDependencies {
  readonly orm: SubgraphOrm;
  readonly verifier: AccessTokenVerifier;
  readonly catalog: ProductCatalog;
  readonly stockFeed: StockFeed;
}

/**
 * Builds the context of each request. A request with a bad token is refused with UNAUTHENTICATED even though
 * some fields are public: a client whose token went stale should learn so, not silently read as anonymous.
 */
export function createContextFactory({ orm, verifier, catalog, stockFeed }: ContextDependencies) {
  return async (request: RequestInfo): Promise<InventoryContext> => {
    const viewer = await authenticate(verifier, request.headers);
    // The request's own EntityManager, forked only if something needs entities (an admin's breakdown, an
    // adjustment): the storefront's stock figures are plain SQL on the ORM's connection.
    const em = lazyFork(orm);
    const loaders = createInventoryLoaders({ em, connection: orm.em as EntityManager });
    return {
      ...request,
      viewer,
      loaders,
      stock: new StockService({ em, viewer, loaders, catalog, forwarded: forwardedFrom(request) }),
      warehouses: new WarehouseService(em, viewer, loaders),
      stockFeed,
    };
  };
}
