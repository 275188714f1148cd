import type { EntityManager } from '@mikro-orm/postgresql';
import { qualifiedTableName } from '@techally/events';
import type { BackgroundWorker, Logger, SubgraphOrm } from '@techally/platform';
import type { PaymentProvider } from '../provider/payment-provider';
import { PaymentLifecycle } from './payment.lifecycle';

/** How far back the sweep looks for cancellations: a success races a cancellation by seconds, not weeks. */
export const REFUND_SWEEP_LOOKBACK_MS = 7 * 24 * 3_600_000;
const BATCH = 20;

export interface RefundSweepOptions {
  readonly orm: SubgraphOrm;
  readonly provider: PaymentProvider;
  readonly logger: Logger;
  readonly clock: () => Date;
  readonly intervalMs: number;
}

/** The sweep as a worker, plus a way to ask for a run now (the webhook does, after recording a late success). */
export interface RefundSweep extends BackgroundWorker {
  /** Runs a sweep as soon as possible (once more after the one in progress); no-op once stopped. */
  kick(): void;
  /** One sweep, awaited (tests). Returns the payments it refunded. */
  sweep(): Promise<number>;
}

/**
 * Gives back money collected for an order that is cancelled: a SUCCEEDED payment whose order payments knows to
 * be cancelled. Such a payment arises when a success is recorded after the cancellation — the Stripe webhook
 * reporting it (the webhook answers Stripe at once and never calls Stripe itself), or a refund that failed
 * where confirmPayment or the consumer tried it first. Each refund goes through the shared lifecycle (provider
 * refund under `order:<id>:refund`, then SUCCEEDED → REFUNDED with payment-refunded), so replicas sweeping the
 * same payment refund it once.
 */
export function refundSweepWorker(options: RefundSweepOptions): RefundSweep {
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = true;

  async function sweep(): Promise<number> {
    const em = options.orm.em.fork() as EntityManager;
    const since = new Date(options.clock().getTime() - REFUND_SWEEP_LOOKBACK_MS);
    const owed = await owedRefunds(em, since);
    const lifecycle = new PaymentLifecycle({ em, provider: options.provider, logger: options.logger, clock: options.clock });
    let refunded = 0;
    for (const paymentId of owed) {
      try {
        if (await lifecycle.refundIfOwed(paymentId)) refunded += 1;
      } catch (error) {
        options.logger.error({ err: error, paymentId }, 'refund owed for a cancelled order failed; the next sweep retries it');
      }
    }
    return refunded;
  }

  function schedule(delayMs: number): void {
    if (stopped) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(run, delayMs);
  }

  function run(): void {
    timer = null;
    if (running) {
      again = true;
      return;
    }
    running = sweep()
      .then(() => undefined)
      .catch((error: unknown) => options.logger.error({ err: error }, 'refund sweep failed'))
      .finally(() => {
        running = null;
        const soon = again;
        again = false;
        schedule(soon ? 0 : options.intervalMs);
      });
  }

  return {
    name: 'payments.refund-sweep',
    async start() {
      if (!stopped) return;
      stopped = false;
      schedule(options.intervalMs);
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
      await running;
    },
    kick() {
      schedule(0);
    },
    sweep,
  };
}

/** SUCCEEDED payments of orders cancelled since `since`, oldest cancellation first. */
async function owedRefunds(em: EntityManager, since: Date): Promise<string[]> {
  const payment = qualifiedTableName(em, 'Payment');
  const cancelled = qualifiedTableName(em, 'CancelledOrder');
  const rows = await em
    .getConnection()
    .execute<Array<{ id: string }>>(
      `select p."id" from ${cancelled} c join ${payment} p on p."order_id" = c."order_id" where c."cancelled_at" >= ? and p."status" = 'SUCCEEDED' order by c."cancelled_at" limit ?`,
      [since, BATCH],
    );
  return rows.map((row) => row.id);
}
