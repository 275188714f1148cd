import type { EntityManager } from '@mikro-orm/postgresql';
import { DomainError, ErrorCode } from '@techally/platform';
import type { EventMetadata } from '@techally/events';
import type { CancellationReason } from './cancellation-reason';
import { OrderStatus } from './order-status';
import type { Order } from './order.entity';
import { transitionEvents } from './order.events';
import { OrderRepository } from './order.repository';
import { assertTransition } from './order.state-machine';

/** How often a status change is re-judged after losing a race before the caller is told to retry. */
const MAX_TRANSITION_ATTEMPTS = 3;

/** One step to take, as a use case or a saga reaction decides it from the order as it is now. */
export interface TransitionStep {
  readonly to: OrderStatus;
  /** For the history, in words ("stock reserved", "cancelled by the customer"). */
  readonly reason: string;
  /** Who: `customer:<id>`, `admin:<id>`, `system:inventory`, `system:payments`, `system:expiry`, `system:deadline`. */
  readonly actor: string;
  /** Required when `to` is CANCELLED: the code stored on the order and carried by `order-cancelled`. */
  readonly cancellationReason?: CancellationReason;
  /** Required when `to` is AWAITING_PAYMENT: the reservation's expiry, carried by `payment-requested`. */
  readonly paymentDueAt?: Date;
}

/**
 * Decides the step from the order as it is now: a step to take, `null` when there is nothing to do (a saga
 * event about an order that already moved on), or a thrown DomainError to refuse (cancelOrder on a PAID order).
 * Called again with the fresh row whenever a concurrent change won the race, so it must only read `current`.
 */
export type DecideTransition = (current: Order) => TransitionStep | null;

export type TransitionOutcome =
  | { readonly applied: true; readonly order: Order; readonly from: OrderStatus }
  | { readonly applied: false; readonly order: Order };

/**
 * The one place an order's status changes (cancelOrder, fulfillOrder, the saga's consumers, the expiry
 * sweeper). A step goes through the state machine, then one transaction — the caller's when it has one (a
 * consumer's inbox transaction), else its own — makes the conditional UPDATE, writes the history row and the
 * step's events (`order-status-changed` plus `payment-requested` / `order-paid` / `order-cancelled`).
 *
 * The UPDATE is conditional on the status read here, so when a concurrent change moved the order first, nothing
 * is written: the order is read again and the step decided again from where it really is now (a racing second
 * cancellation then hears ORDER_NOT_CANCELLABLE; a payment that raced the expiry sweeper finds a CANCELLED order
 * and does nothing). After MAX_TRANSITION_ATTEMPTS lost races: CONFLICT.
 */
export class OrderTransitions {
  private readonly repository: OrderRepository;

  constructor(
    em: EntityManager,
    private readonly clock: () => Date,
  ) {
    this.repository = new OrderRepository(em);
  }

  async apply(order: Order, decide: DecideTransition, metadata: EventMetadata = {}): Promise<TransitionOutcome> {
    let current = order;
    for (let attempt = 1; ; attempt += 1) {
      const step = decide(current);
      if (!step) return { applied: false, order: current };
      assertTransition(current.status, step.to);
      const from = current.status;
      // Strictly after the previous step (which set updatedAt), so the history sorts by time even within a millisecond.
      const at = new Date(Math.max(this.clock().getTime(), current.updatedAt.getTime() + 1));
      const items = step.to === OrderStatus.PAID ? await this.repository.linesOf(current.id) : undefined;
      const events = transitionEvents(current, { from, ...step, items }, metadata);
      const applied = await this.repository.transition({
        orderId: current.id,
        from,
        to: step.to,
        at,
        reason: step.reason,
        actor: step.actor,
        paymentDueAt: step.paymentDueAt,
        cancellationReason: step.cancellationReason,
        events,
      });
      current = await this.repository.reload(current);
      if (applied) return { applied: true, order: current, from };
      if (attempt === MAX_TRANSITION_ATTEMPTS) {
        throw new DomainError(ErrorCode.CONFLICT, `Order ${current.id} is changing right now; try again.`, { id: current.id });
      }
    }
  }
}
