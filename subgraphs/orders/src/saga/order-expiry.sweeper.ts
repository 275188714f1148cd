import type { EntityManager } from '@mikro-orm/postgresql';
import { createIntervalWorker, type BackgroundWorker } from '@techally/platform';
import { CancellationReason } from '../order/cancellation-reason';
import { OrderStatus } from '../order/order-status';
import { OrderRepository, type OverdueCursor } from '../order/order.repository';
import type { SagaDependencies } from './order-reaction';
import { transitionAlone, walkInBatches } from './order-sweep';

/** Orders read per query; each is then cancelled in its own short transaction. */
const DEFAULT_BATCH_SIZE = 100;
const ACTOR = 'system:expiry';

export interface OrderExpirySweeperOptions extends SagaDependencies {
  readonly batchSize?: number;
}

/** What one sweep did. */
export interface SweepResult {
  /** Orders cancelled with RESERVATION_EXPIRED. */
  readonly cancelled: number;
  /** Overdue orders another change reached first (a payment that just succeeded): left as they are. */
  readonly skipped: number;
  /** Orders whose cancellation failed (logged); the next sweep tries them again. */
  readonly failed: number;
}

/**
 * The payment deadline (saga contract, step 6): orders owns it, so PAID and expiry can never both happen.
 * Each sweep walks the AWAITING_PAYMENT orders whose `paymentDueAt` is before the clock's now (the partial
 * index), by deadline, in batches, and cancels each in its own transaction with `RESERVATION_EXPIRED`
 * (`order-cancelled`: inventory releases the stock, payments cancels the intent). The cancellation is the same
 * conditional transition as every other, decided again on the row as it is, so a payment that succeeded a
 * moment earlier wins and the order stays PAID; one that comes later finds the order CANCELLED (and payments
 * refunds it).
 */
export class OrderExpirySweeper {
  private readonly batchSize: number;

  constructor(private readonly deps: OrderExpirySweeperOptions) {
    this.batchSize = deps.batchSize ?? DEFAULT_BATCH_SIZE;
  }

  async sweep(): Promise<SweepResult> {
    const now = this.deps.clock();
    const result = { cancelled: 0, skipped: 0, failed: 0 };
    const repository = () => new OrderRepository(this.deps.orm.em.fork() as EntityManager);
    await walkInBatches<OverdueCursor>(this.batchSize, (after, limit) => repository().overdue(now, after, limit), async (overdue) => {
      const outcome = await transitionAlone(
        this.deps,
        overdue.id,
        (current) =>
          current.status === OrderStatus.AWAITING_PAYMENT && current.paymentDueAt !== null && current.paymentDueAt < now
            ? {
                to: OrderStatus.CANCELLED,
                reason: 'not paid before the stock reservation expired',
                actor: ACTOR,
                cancellationReason: CancellationReason.RESERVATION_EXPIRED,
              }
            : null,
        { what: 'payment deadline passed' },
        'could not cancel an overdue order; the next sweep retries',
      );
      result[outcome === 'applied' ? 'cancelled' : outcome] += 1;
    });
    if (result.cancelled + result.failed > 0) this.deps.logger.info(result, 'expiry sweep');
    return result;
  }
}

/** The sweeper as a worker of the subgraph: a sweep every `intervalMs`, never two at once. */
export function orderExpiryWorker(sweeper: OrderExpirySweeper, intervalMs: number, deps: Pick<SagaDependencies, 'logger'>): BackgroundWorker {
  return createIntervalWorker({
    name: 'orders.expiry-sweeper',
    intervalMs,
    task: async () => {
      await sweeper.sweep();
    },
    onError: (error) => deps.logger.error({ err: error }, 'expiry sweep failed'),
  });
}
