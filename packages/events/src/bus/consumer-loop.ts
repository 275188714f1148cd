import type { EventType } from '../contracts/event-catalogue';
import { parseEnvelopeJson } from '../contracts/create-event';
import type { EnvelopeOf } from '../contracts/event-envelope';
import { EventContractError } from '../contracts/event-contract.error';
import type { EventsLogger } from '../shared/events-logger';
import { backoffDelay, errorMessage, sleep } from '../shared/timing';
import type { DeadLetter, SubscribeOptions } from './event-bus';
import type { StreamEntry, StreamReader, StreamStore } from './stream-store';

/** How a consumer reads, retries and gives up; one set per bus. */
export interface ConsumerTuning {
  /** Deliveries of one event to a group before it is dead-lettered (default 5). */
  readonly maxDeliveries: number;
  /** How long an entry stays pending (unacknowledged) before another consumer may take it over (default 30 s). */
  readonly claimMinIdleMs: number;
  /** How often a consumer looks for such entries (default 5 s). */
  readonly claimIntervalMs: number;
  /** Longest wait of one blocking read (default 5 s). */
  readonly blockMs: number;
  /** Entries fetched per read or claim (default 10). */
  readonly batchSize: number;
  /** Backoff between attempts while the bus cannot be read (default 100 ms doubling to 5 s). */
  readonly retryInitialMs: number;
  readonly retryMaxMs: number;
}

export const DEFAULT_CONSUMER_TUNING: ConsumerTuning = Object.freeze({
  maxDeliveries: 5,
  claimMinIdleMs: 30_000,
  claimIntervalMs: 5_000,
  blockMs: 5_000,
  batchSize: 10,
  retryInitialMs: 100,
  retryMaxMs: 5_000,
});

/**
 * One subscription's loop: claim entries other consumers of the group left pending too long, read new ones,
 * hand each to the handler in order, acknowledge on success. A failed handler leaves its entry pending, so it
 * comes back through a claim after `claimMinIdleMs` (to this consumer or another): that delay is the retry
 * backoff. Entries of types the subscription does not handle (the stream is per domain) are acknowledged and
 * skipped; malformed ones and those past `maxDeliveries` go to the dead letters.
 */
export class ConsumerLoop<T extends EventType> {
  private readonly abort = new AbortController();
  private readonly types: ReadonlySet<string>;
  private readonly streams: readonly string[];
  private readonly maxDeliveries: number;
  private stopped = false;
  /** Set by `abandon`: an entry whose handler finishes afterwards is not acknowledged, as if the process died. */
  private abandoned = false;
  private running: Promise<void> = Promise.resolve();

  constructor(
    private readonly store: StreamStore,
    private readonly reader: StreamReader,
    private readonly options: SubscribeOptions<T>,
    streams: readonly string[],
    private readonly tuning: ConsumerTuning,
    private readonly logger: EventsLogger,
  ) {
    this.types = new Set(options.types);
    this.streams = streams;
    this.maxDeliveries = options.maxDeliveries ?? tuning.maxDeliveries;
  }

  start(): void {
    this.running = this.run();
  }

  /** Graceful: no further reads; the entry in hand is finished and acknowledged. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.abort.abort();
    await this.running;
    await this.reader.close();
  }

  /** Abrupt (the bus is closing): returns at once; whatever is in hand stays pending for another consumer. */
  async abandon(): Promise<void> {
    this.abandoned = true;
    this.stopped = true;
    this.abort.abort();
    await this.reader.close();
  }

  private get where() {
    return { group: this.options.group, consumer: this.options.consumer };
  }

  private async run(): Promise<void> {
    const { tuning } = this;
    let nextClaimAt = 0;
    let failures = 0;
    while (!this.stopped) {
      try {
        if (Date.now() >= nextClaimAt) {
          nextClaimAt = Date.now() + tuning.claimIntervalMs;
          await this.reclaim();
        }
        const blockMs = Math.max(1, Math.min(tuning.blockMs, nextClaimAt - Date.now()));
        const entries = await this.reader.readNew({ ...this.where, streams: this.streams, count: tuning.batchSize, blockMs, signal: this.abort.signal });
        for (const entry of entries) {
          // Entries read but not handled stay pending; a consumer of the group claims them after the idle time.
          if (this.stopped) break;
          await this.deliver(entry);
        }
        if (failures > 0) this.logger.info({ ...this.where }, 'event consumer reads from the bus again');
        failures = 0;
      } catch (error) {
        if (this.stopped) break;
        failures += 1;
        const retryInMs = backoffDelay(failures, tuning.retryInitialMs, tuning.retryMaxMs);
        this.logger.warn({ ...this.where, err: errorMessage(error), retryInMs }, 'event consumer cannot use the bus; retrying');
        await sleep(retryInMs, this.abort.signal);
        // A Redis that restarted without its data lost the streams and groups too (NOGROUP): make them again.
        await this.ensureGroups().catch(() => undefined);
      }
    }
  }

  async ensureGroups(): Promise<void> {
    for (const stream of this.streams) await this.store.ensureGroup(stream, this.options.group);
  }

  private async reclaim(): Promise<void> {
    for (const stream of this.streams) {
      for (;;) {
        if (this.stopped) return;
        const claimed = await this.store.claimIdle({ stream, ...this.where, minIdleMs: this.tuning.claimMinIdleMs, count: this.tuning.batchSize });
        if (claimed.length > 0) this.logger.info({ ...this.where, stream, entries: claimed.length }, 'event consumer took over pending entries');
        for (const entry of claimed) {
          if (this.stopped) return;
          await this.deliver(entry);
        }
        if (claimed.length < this.tuning.batchSize) break;
      }
    }
  }

  private async deliver(entry: StreamEntry): Promise<void> {
    if (!this.types.has(entry.type)) {
      await this.store.ack(entry.stream, this.options.group, entry.id);
      return;
    }
    let envelope: EnvelopeOf<T>;
    try {
      const parsed = parseEnvelopeJson(entry.envelope);
      if (parsed.type !== entry.type) throw new EventContractError(entry.type, [`the envelope says ${parsed.type}`]);
      envelope = parsed as EnvelopeOf<T>;
    } catch (error) {
      // No retry can make a malformed event valid: straight to the dead letters.
      await this.deadLetter(entry, error);
      return;
    }
    if (entry.deliveries > this.maxDeliveries) {
      // Its consumers kept dying before acknowledging it (a poison event that crashes the process?).
      await this.deadLetter(entry, new Error(`delivered ${entry.deliveries} times, never acknowledged`));
      return;
    }
    try {
      await this.options.handler(envelope, { deliveries: entry.deliveries, ...this.where });
    } catch (error) {
      if (entry.deliveries >= this.maxDeliveries) {
        await this.deadLetter(entry, error);
      } else {
        this.logger.warn(
          { ...this.where, eventId: envelope.id, type: entry.type, deliveries: entry.deliveries, err: errorMessage(error) },
          'event handler failed; the event will be delivered again',
        );
      }
      return;
    }
    if (this.abandoned) return;
    await this.store.ack(entry.stream, this.options.group, entry.id);
  }

  private async deadLetter(entry: StreamEntry, error: unknown): Promise<void> {
    const letter: DeadLetter = {
      ...this.where,
      stream: entry.stream,
      entryId: entry.id,
      type: entry.type,
      eventId: eventIdOf(entry.envelope),
      envelope: entry.envelope,
      deliveries: entry.deliveries,
      error: errorMessage(error),
      deadLetteredAt: new Date().toISOString(),
    };
    if (this.abandoned) return;
    await this.store.appendDeadLetter(letter);
    await this.store.ack(entry.stream, this.options.group, entry.id);
    this.logger.error({ ...letter, envelope: undefined }, 'event dead-lettered: the group gave up on it');
  }
}

function eventIdOf(envelope: string): string | null {
  try {
    const id = (JSON.parse(envelope) as { id?: unknown }).id;
    return typeof id === 'string' ? id : null;
  } catch {
    return null;
  }
}
