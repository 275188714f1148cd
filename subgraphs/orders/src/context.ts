import type { EntityManager } from '@mikro-orm/postgresql';
import type { EventMetadata } from '@techally/events';
import { authenticate, forwardedFrom, type AccessTokenVerifier, type RequestInfo, type SubgraphOrm, type Viewer } from '@techally/platform';
import type { AddressBook } from './checkout/address-book.client';
import type { ProductCatalog } from './checkout/catalog.client';
import { CheckoutService } from './checkout/checkout.service';
import type { UnpaidOrderLimits } from './checkout/unpaid-order-limits';
import type { OrderStatusFeed } from './live/order-status-feed';
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
  /** The live status feed the order subscriptions read (one per process, shared by every request). */
  readonly orderStatusFeed: OrderStatusFeed;
}

/** What lives as long as the subgraph and every request shares (built once in app.ts). */
export interface ContextDependencies {
  readonly orm: SubgraphOrm;
  readonly verifier: AccessTokenVerifier;
  readonly catalog: ProductCatalog;
  readonly addressBook: AddressBook;
  readonly clock: () => Date;
  readonly orderStatusFeed: OrderStatusFeed;
  readonly unpaidOrderLimits: UnpaidOrderLimits;
}

/**
 * Builds the context of each request: verifies the bearer token (a bad one answers UNAUTHENTICATED before
 * anything runs), forks an EntityManager, creates the request's DataLoaders and services over them.
 */
export function createContextFactory({ orm, verifier, catalog, addressBook, clock, orderStatusFeed, unpaidOrderLimits }: ContextDependencies) {
  return async (request: RequestInfo): Promise<OrdersContext> => {
    const viewer = await authenticate(verifier, request.headers);
    const em = orm.em.fork() as EntityManager;
    const loaders = createOrderLoaders(em);
    const eventMetadata = eventMetadataOf(request);
    return {
      ...request,
      viewer,
      em,
      loaders,
      orders: new OrderService(em, viewer, loaders, clock, eventMetadata),
      checkout: new CheckoutService({
        em,
        viewer,
        loaders,
        catalog,
        addressBook,
        forwarded: forwardedFrom(request),
        eventMetadata,
        clock,
        unpaidOrderLimits,
      }),
      orderStatusFeed,
    };
  };
}

/** What the events a request causes carry from it: its id, and its W3C trace context when it came with one. */
function eventMetadataOf(request: RequestInfo): EventMetadata {
  const traceparent = request.headers['traceparent'];
  return typeof traceparent === 'string' && /^[\da-f]{2}-[\da-f]{32}-[\da-f]{16}-[\da-f]{2}$/.test(traceparent)
    ? { requestId: request.requestId, traceparent }
    : { requestId: request.requestId };
}
