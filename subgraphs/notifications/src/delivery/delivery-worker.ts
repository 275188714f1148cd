import type { BackgroundWorker, Logger, SubgraphOrm } from '@techally/platform';
import type { EntityManager } from '@mikro-orm/postgresql';
import { RecipientDirectory } from '../recipients/recipient-directory';
import { renderMessages } from '../templates/notification-messages';
import { DeliveryFailure, type SendReceipt, type Senders } from './delivery-channel';
import type { DeliverySignal } from './delivery-signal';
import { DeliveryRepository, type ClaimedDelivery } from './delivery.repository';
import { retryDelayMs, type RetryPolicy } from './retry-policy';

export interface DeliveryWorkerSettings extends RetryPolicy {
  /** The longest pause while nothing is due (a signal or the next due time ends it sooner). */
  readonly pollIntervalMs: number;
  /** How long a claimed delivery is the claimer's; then, if not settled (its worker died), it is due again. */
  readonly leaseMs: number;
  /** A provider that takes longer has failed this try (kept under the lease). */
  readonly sendTimeoutMs: number;
  /** How long an email waits for a recipient the directory does not know before it is dead-lettered. */
  readonly recipientWaitMs: number;
  /** Deliveries claimed at once. */
  readonly batchSize: number;
}

export const DEFAULT_DELIVERY_SETTINGS: DeliveryWorkerSettings = {
  maxAttempts: 5,
  baseDelayMs: 30_000,
  maxDelayMs: 3_600_000,
  pollIntervalMs: 10_000,
  leaseMs: 300_000,
  sendTimeoutMs: 60_000,
  recipientWaitMs: 7 * 24 * 3_600_000,
  batchSize: 20,
};

export interface DeliveryWorkerOptions {
  readonly orm: SubgraphOrm;
  readonly senders: Senders;
  readonly signal: DeliverySignal;
  readonly logger: Logger;
  readonly settings?: Partial<DeliveryWorkerSettings>;
  /** The time the worker goes by (due times, backoff, sent_at); tests move it instead of sleeping. */
  readonly clock?: () => Date;
  /** The jitter's source, in [0, 1). */
  readonly random?: () => number;
}

/** What one try of one delivery came to. */
export interface DeliveryOutcome {
  readonly id: string;
  readonly eventId: string;
  readonly channel: ClaimedDelivery['channel'];
  readonly attempts: number;
  readonly status: 'SENT' | 'RETRY' | 'DEAD';
  readonly error?: string;
}

export interface DeliveryWorker extends BackgroundWorker {
  /** Claims the due deliveries (one batch) and tries each once; what the loop does on each turn. */
  runOnce(): Promise<DeliveryOutcome[]>;
}

/**
 * The delivery worker (README.md, *Delivery*): claims due deliveries (`for update skip locked`, so any number of
 * processes share them), sends each through its channel's sender outside any transaction, and records the
 * outcome — SENT with the provider's id, a retry after an exponential, jittered wait, or DEAD with the reason
 * after the last try or at once on a permanent {@link DeliveryFailure}. It sleeps until the next delivery falls
 * due or the {@link DeliverySignal} says there is new work, never longer than the poll interval.
 */
export function createDeliveryWorker(options: DeliveryWorkerOptions): DeliveryWorker {
  const settings: DeliveryWorkerSettings = { ...DEFAULT_DELIVERY_SETTINGS, ...options.settings };
  const { orm, senders, logger } = options;
  const clock = options.clock ?? (() => new Date());
  const random = options.random ?? Math.random;
  const repository = () => new DeliveryRepository(orm.em.fork() as EntityManager);
  const at = (delayMs: number) => new Date(clock().getTime() + delayMs);

  let stopped = true;
  let running: Promise<void> | null = null;
  let wakeRequested = false;
  let interrupt: (() => void) | null = null;
  let unsubscribe: (() => void) | null = null;

  async function send(claim: ClaimedDelivery): Promise<SendReceipt> {
    const context = { deliveryId: claim.id };
    const addressee = claim.channel === 'EMAIL' ? await new RecipientDirectory(orm.em.fork() as EntityManager).find(claim.recipientId) : null;
    const messages = renderMessages(claim.event, addressee);
    if (!messages) throw new DeliveryFailure(`${claim.event.type} has no ${claim.kind} message to send`, true);
    switch (claim.channel) {
      case 'EMAIL': {
        if (!addressee) throw new DeliveryFailure('the recipient is not in the recipient directory', false);
        if (!senders.EMAIL) throw new DeliveryFailure('no EMAIL sender is configured', true);
        return senders.EMAIL.send({ to: addressee.email, ...messages.email }, context);
      }
      case 'SMS':
        if (!senders.SMS) throw new DeliveryFailure('no SMS sender is configured', true);
        return senders.SMS.send({ to: claim.target, text: messages.sms }, context);
      case 'PUSH':
        if (!senders.PUSH || !claim.details) throw new DeliveryFailure('no PUSH sender is configured', true);
        return senders.PUSH.send({ subscription: claim.details, payload: messages.push, ttlSeconds: 86_400 }, context);
    }
  }

  async function deliver(claim: ClaimedDelivery): Promise<DeliveryOutcome> {
    const outcome = { id: claim.id, eventId: claim.eventId, channel: claim.channel, attempts: claim.attempts };
    if (claim.attempts > settings.maxAttempts) {
      // Its last try was claimed and never settled (the worker died mid-send): no further try.
      const reason = `no outcome of the last of ${settings.maxAttempts} tries (the worker stopped during it)${claim.lastError ? `; before: ${claim.lastError}` : ''}`;
      await repository().markDead(claim, reason);
      return { ...outcome, status: 'DEAD', error: reason };
    }
    try {
      const receipt = await withTimeout(send(claim), settings.sendTimeoutMs);
      await repository().markSent(claim, clock(), receipt.providerMessageId ?? null);
      return { ...outcome, status: 'SENT' };
    } catch (error) {
      const reason = (error instanceof Error ? error.message : String(error)).slice(0, 2_000);
      if ((error instanceof DeliveryFailure && error.permanent) || claim.attempts >= settings.maxAttempts) {
        await repository().markDead(claim, reason);
        logger.warn({ deliveryId: claim.id, channel: claim.channel, eventId: claim.eventId, attempts: claim.attempts, err: reason }, 'delivery dead-lettered');
        return { ...outcome, status: 'DEAD', error: reason };
      }
      const delay = retryDelayMs(settings, claim.attempts, random);
      await repository().scheduleRetry(claim, at(delay), reason);
      logger.info({ deliveryId: claim.id, channel: claim.channel, attempts: claim.attempts, retryInMs: delay, err: reason }, 'delivery failed; retrying');
      return { ...outcome, status: 'RETRY', error: reason };
    }
  }

  async function runOnce(): Promise<DeliveryOutcome[]> {
    const expired = await repository().expireUnaddressable(at(-settings.recipientWaitMs));
    if (expired > 0) logger.warn({ expired }, 'emails to recipients never learned were dead-lettered');
    const claims = await repository().claimDue(clock(), settings.batchSize, at(settings.leaseMs));
    return Promise.all(claims.map(deliver));
  }

  async function loop(): Promise<void> {
    while (!stopped) {
      let delay = settings.pollIntervalMs;
      try {
        const outcomes = await runOnce();
        if (outcomes.length === settings.batchSize) delay = 0;
        else {
          const next = await repository().nextDueAt();
          // A floor when nothing was claimed: a due row another worker holds is settled by it in a moment.
          if (next) delay = Math.min(delay, Math.max(next.getTime() - clock().getTime(), outcomes.length === 0 ? 100 : 0));
        }
      } catch (error) {
        logger.warn({ err: error instanceof Error ? error.message : String(error) }, 'delivery worker could not read the deliveries; trying again');
      }
      if (wakeRequested) delay = 0;
      wakeRequested = false;
      if (delay > 0 && !stopped) await pause(delay);
    }
  }

  function pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      interrupt = done;
      function done() {
        clearTimeout(timer);
        interrupt = null;
        resolve();
      }
    });
  }

  return {
    name: 'notifications.delivery',
    async start() {
      if (!stopped) return;
      stopped = false;
      unsubscribe = options.signal.onWake(() => {
        wakeRequested = true;
        interrupt?.();
      });
      running = loop();
    },
    async stop() {
      stopped = true;
      unsubscribe?.();
      unsubscribe = null;
      interrupt?.();
      await running;
      running = null;
    },
    runOnce,
  };
}

/** Rejects when `promise` has not settled within `ms`; the try then counts as failed (and is retried). */
async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      promise,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new DeliveryFailure(`the provider did not answer within ${ms} ms`, false)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}
