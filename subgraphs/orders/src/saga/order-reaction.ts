import type { EntityManager } from '@mikro-orm/postgresql';
import type { EventMetadata } from '@techally/events';
import type { Logger, SubgraphOrm } from '@techally/platform';
import { Order } from '../order/order.entity';
import { OrderTransitions, type DecideTransition, type TransitionOutcome } from '../order/order.transitions';

/** What the saga's consumers and the expiry sweeper share, built once in app.ts. */
export interface SagaDependencies {
  readonly orm: SubgraphOrm;
  readonly clock: () => Date;
  readonly logger: Logger;
}

/** What made the saga touch an order, for the logs. */
export interface ReactionCause {
  readonly what: string;
  readonly eventId?: string;
}

/**
 * One saga step on one order, inside the caller's transaction (a consumer's inbox transaction or the sweeper's
 * own): reads the order, lets `decide` choose from its current status, applies through `OrderTransitions`.
 * An event about an order this subgraph does not know changes nothing (logged: it cannot come from this
 * environment's orders); so does a decision of "nothing to do" (logged at debug: duplicates and late events of
 * the saga are normal).
 */
export async function reactOnOrder(
  tx: EntityManager,
  deps: SagaDependencies,
  orderId: string,
  decide: DecideTransition,
  metadata: EventMetadata,
  cause: ReactionCause,
): Promise<TransitionOutcome | null> {
  const order = await tx.findOne(Order, orderId);
  if (!order) {
    deps.logger.warn({ orderId, ...cause }, 'saga event for an unknown order: ignored');
    return null;
  }
  const outcome = await new OrderTransitions(tx, deps.clock).apply(order, decide, metadata);
  if (outcome.applied) {
    deps.logger.info({ orderId, from: outcome.from, to: outcome.order.status, ...cause }, 'order status changed');
  } else {
    deps.logger.debug({ orderId, status: outcome.order.status, ...cause }, 'nothing to do for the order in its status');
  }
  return outcome;
}
