import type { EntityManager } from '@mikro-orm/postgresql';
import type { EventMetadata } from '@techally/events';
import { authenticate, type AccessTokenVerifier, type RequestInfo, type SubgraphOrm, type Viewer } from '@techally/platform';
import { createPaymentLoaders, type PaymentLoaders } from './payment/payment.loaders';
import { PaymentService } from './payment/payment.service';
import type { PaymentProvider } from './provider/payment-provider';

/** Everything a resolver of this subgraph may use; nothing reaches a resolver any other way. */
export interface PaymentsContext extends RequestInfo {
  /** Null for an anonymous request; every payment field then answers UNAUTHENTICATED. */
  readonly viewer: Viewer | null;
  /** This request's own EntityManager (identity map and unit of work scoped to the request). */
  readonly em: EntityManager;
  readonly loaders: PaymentLoaders;
  readonly payments: PaymentService;
}

/** What lives as long as the subgraph and every request shares (built once in app.ts). */
export interface PaymentsRuntime {
  readonly orm: SubgraphOrm;
  readonly verifier: AccessTokenVerifier;
  readonly provider: PaymentProvider;
  readonly clock: () => Date;
}

/**
 * Builds the context of each request: verifies the bearer token (a bad one answers UNAUTHENTICATED before
 * anything runs), forks an EntityManager, creates the request's DataLoaders and the service over them.
 */
export function createContextFactory(runtime: PaymentsRuntime) {
  return async (request: RequestInfo): Promise<PaymentsContext> => {
    const viewer = await authenticate(runtime.verifier, request.headers);
    const em = runtime.orm.em.fork() as EntityManager;
    const loaders = createPaymentLoaders(em);
    return {
      ...request,
      viewer,
      em,
      loaders,
      payments: new PaymentService({
        em,
        viewer,
        loaders,
        provider: runtime.provider,
        eventMetadata: eventMetadataOf(request),
        logger: request.logger,
        clock: runtime.clock,
      }),
    };
  };
}

/** What the events a request writes carry from it: its request id and, when the caller sent one, its trace. */
function eventMetadataOf(request: RequestInfo): EventMetadata {
  const traceparent = request.headers['traceparent'];
  return typeof traceparent === 'string' && traceparent.length <= 1000 ? { requestId: request.requestId, traceparent } : { requestId: request.requestId };
}
