import type { EntityManager } from '@mikro-orm/postgresql';
import { authenticate, forwardedFrom, type AccessTokenVerifier, type RequestInfo, type SubgraphOrm, type Viewer } from '@techally/platform';
import type { AddressBook } from './checkout/address-book.client';
import type { ProductCatalog } from './checkout/catalog.client';
import { CheckoutService } from './checkout/checkout.service';
import { createOrderLoaders, type OrderLoaders } from './order/order.loaders';
import { OrderService } from './order/order.service';

/** Everything a resolver of this subgraph may use; nothing reaches a resolver any other way. */
export interface OrdersContext extends RequestInfo {
  /** Null for an anonymous request. */
  readonly viewer: Viewer | null;
  /** This request's own EntityManager (identity map and unit of work scoped to the request). */
  readonly em: EntityManager;
  readonly loaders: OrderLoaders;
  readonly orders: OrderService;
  readonly checkout: CheckoutService;
}

/** What lives as long as the subgraph and every request shares (built once in app.ts). */
export interface ContextDependencies {
  readonly orm: SubgraphOrm;
  readonly verifier: AccessTokenVerifier;
  readonly catalog: ProductCatalog;
  readonly addressBook: AddressBook;
  readonly clock: () => Date;
}

/**
 * Builds the context of each request: verifies the bearer token (a bad one answers UNAUTHENTICATED before
 * anything runs), forks an EntityManager, creates the request's DataLoaders and services over them.
 */
export function createContextFactory({ orm, verifier, catalog, addressBook, clock }: ContextDependencies) {
  return async (request: RequestInfo): Promise<OrdersContext> => {
    const viewer = await authenticate(verifier, request.headers);
    const em = orm.em.fork() as EntityManager;
    const loaders = createOrderLoaders(em);
    return {
      ...request,
      viewer,
      em,
      loaders,
      orders: new OrderService(em, viewer, loaders, clock),
      checkout: new CheckoutService({ em, viewer, loaders, catalog, addressBook, forwarded: forwardedFrom(request), clock }),
    };
  };
}
