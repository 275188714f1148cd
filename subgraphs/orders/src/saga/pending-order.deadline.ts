import type { EntityManager } from '@mikro-orm/postgresql';
import { requeuePublished } from '@techally/events';
import { createIntervalWorker, type BackgroundWorker } from '@techally/platform';
import { CancellationReason } from '../order/cancellation-reason';
import { OrderStatus } from '../order/order-status';
import { OrderRepository, type PendingCursor } from '../order/order.repository';
import type { SagaDependencies } from './order-reaction';
import { transitionAlone, walkInBatches } from './order-sweep';

const DEFAULT_BATCH_SIZE = 100;
const ACTOR = 'system:deadline';

export interface PendingOrderDeadlineOptions extends SagaDependencies {
  /** How long a PENDING order waits for inventory's answer before its order-placed is published again. */
  readonly redriveIntervalMs: number;
  /** How long an order may stay PENDING at all; then it is cancelled (STOCK_NOT_CONFIRMED). */
  readonly timeoutMs: number;
  readonly batchSize?: number;
}

/** What one sweep did. */
export interface PendingSweepResult {
  /** Orders whose order-placed was put back in the outbox for the relay. */
  readonly redriven: number;
  /** Orders cancelled with STOCK_NOT_CONFIRMED. */
  readonly cancelled: number;
  /** Orders another change reached first, or whose event went out too recently (or not yet) to re-drive. */
  readonly skipped: number;
  /** Orders the sweep failed on (logged); the next sweep tries again. */
  readonly failed: number;
}

/**
 * The PENDING deadline (issue #9): an order waits PENDING for inventory's stock-reserved or
 * stock-reservation-failed, and nothing else moves it. When an event on that path was lost (a Redis restarted
 * without its data, a stream trimmed past a slow group), it would wait for ever. So each sweep walks the orders
 * PENDING for longer than `redriveIntervalMs` (index (status, placed_at, id)), oldest first:
 *
 * - placed less than `timeoutMs` ago: its `order-placed` is put back in line for the relay if it went out more
 *   than `redriveIntervalMs` ago (`requeuePublished`; same event id). Inventory reserves if it never saw it, and
 *   skips it through its inbox if it did — the answer it published then is the relay's to publish again.
 * - older: cancelled with STOCK_NOT_CONFIRMED (`order-cancelled`: inventory releases whatever it may hold for
 *   it). A late stock-reserved then finds the order CANCELLED and changes nothing.
 */
export class PendingOrderDeadline {
  private readonly batchSize: number;

  constructor(private readonly deps: PendingOrderDeadlineOptions) {
    this.batchSize = deps.batchSize ?? DEFAULT_BATCH_SIZE;
  }

  async sweep(): Promise<PendingSweepResult> {
    const now = this.deps.clock();
    const redriveBefore = new Date(now.getTime() - this.deps.redriveIntervalMs);
    const timedOutBefore = new Date(now.getTime() - this.deps.timeoutMs);
    const result = { redriven: 0, cancelled: 0, skipped: 0, failed: 0 };
    const repository = () => new OrderRepository(this.deps.orm.em.fork() as EntityManager);
    await walkInBatches<PendingCursor>(this.batchSize, (after, limit) => repository().pendingSince(redriveBefore, after, limit), async (order) => {
      const outcome = order.placedAt < timedOutBefore ? await this.cancel(order.id) : await this.redrive(order.id, redriveBefore);
      result[outcome] += 1;
    });
    if (result.redriven + result.cancelled + result.failed > 0) this.deps.logger.warn(result, 'pending-order deadline: orders inventory did not answer');
    return result;
  }

  private async redrive(orderId: string, publishedBefore: Date): Promise<keyof PendingSweepResult> {
    try {
      const em = this.deps.orm.em.fork() as EntityManager;
      const requeued = await requeuePublished(em, { type: 'orders.order-placed.v1', aggregateId: orderId, publishedBefore });
      if (requeued > 0) this.deps.logger.info({ orderId }, 'order still PENDING: its order-placed goes out again');
      return requeued > 0 ? 'redriven' : 'skipped';
    } catch (error) {
      this.deps.logger.error({ err: error, orderId }, 'could not re-drive a PENDING order; the next sweep retries');
      return 'failed';
    }
  }

  private async cancel(orderId: string): Promise<keyof PendingSweepResult> {
    const outcome = await transitionAlone(
      this.deps,
      orderId,
      (current) =>
        current.status === OrderStatus.PENDING
          ? {
              to: OrderStatus.CANCELLED,
              reason: 'inventory did not answer in time',
              actor: ACTOR,
              cancellationReason: CancellationReason.STOCK_NOT_CONFIRMED,
            }
          : null,
      { what: 'pending deadline passed' },
      'could not cancel a PENDING order past its deadline; the next sweep retries',
    );
    return outcome === 'applied' ? 'cancelled' : outcome;
  }
}

/** The deadline as a worker of the subgraph: a sweep every `intervalMs`, never two at once. */
export function pendingOrderDeadlineWorker(deadline: PendingOrderDeadline, intervalMs: number, deps: Pick<SagaDependencies, 'logger'>): BackgroundWorker {
  return createIntervalWorker({
    name: 'orders.pending-deadline',
    intervalMs,
    task: async () => {
      await deadline.sweep();
    },
    onError: (error) => deps.logger.error({ err: error }, 'pending-order deadline sweep failed'),
  });
}
