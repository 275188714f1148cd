import type { EventType } from '../contracts/event-catalogue';
import type { AnyEventEnvelope, EnvelopeOf } from '../contracts/event-envelope';

/**
 * Where events travel between subgraphs: Redis Streams in production, memory in the embedded start and unit
 * tests. Both implementations pass one contract suite (`__tests__/event-bus.contract.ts`).
 *
 * Delivery is at least once: an event is handed to one consumer of every group subscribed to its type, again
 * when the handler throws or its consumer dies before acknowledging, until `maxDeliveries`, then it is
 * dead-lettered. Handlers must therefore be idempotent (`handleOnce`).
 */
export interface EventBus {
  /** Appends the event to its domain's stream. Resolves once the bus holds it; rejects when the bus is down. */
  publish(envelope: AnyEventEnvelope): Promise<void>;
  /** Starts consuming; resolves once the group exists, so events published from then on reach it. */
  subscribe<T extends EventType>(options: SubscribeOptions<T>): Promise<Subscription>;
  /**
   * Where `publisher` (an outbox relay, named after its outbox) stands with this bus: a marker the bus keeps beside
   * its streams and loses with them — a Redis restarted without its data or flushed, or one of `streams` (the
   * domains it published to) deleted. `null` when it is gone (or was never written): the bus may no longer hold
   * what this publisher published, so the relay publishes its retained rows again (`replaying`), then `held`.
   * Rejects when the bus is down.
   */
  readEpoch(publisher: string, streams: readonly string[]): Promise<PublisherEpoch | null>;
  /**
   * Writes the publisher's marker. `held` is written only over a marker that still exists (resolves false
   * otherwise): a bus that lost its data again during a replay must be noticed again, not marked as holding.
   */
  writeEpoch(publisher: string, epoch: PublisherEpoch): Promise<boolean>;
  /**
   * Reads a domain's stream from the bus's log, oldest first, independent of any consumer group (Redis XRANGE):
   * up to `count` entries after entry `after` (null: from the oldest one retained). For read models rebuilt by
   * replaying history: the log holds only the last ~`maxLength` entries per domain (XADD MAXLEN ~ 100,000).
   */
  readStream(domain: string, after: string | null, count: number): Promise<StoredEvent[]>;
  /** The newest dead letters, oldest first (at most `limit`, default 100). */
  readDeadLetters(limit?: number): Promise<DeadLetter[]>;
  /** True when the bus answers (for `/health/ready`). */
  isReachable(): Promise<boolean>;
  /**
   * Stops every subscription without waiting for handlers in flight (their entries stay pending and are
   * reclaimed by another consumer, as after a crash) and closes the connections. Stop subscriptions first for
   * a graceful shutdown.
   */
  close(): Promise<void>;
}

/** An entry of a domain stream as `readStream` returns it: its id on the stream and its envelope's JSON text. */
export interface StoredEvent {
  readonly id: string;
  readonly type: string;
  /** The envelope's JSON text, unparsed: `parseEnvelopeJson` checks it against the catalogue. */
  readonly envelope: string;
}

/** `replaying`: a relay is publishing its retained rows again; `held`: the bus holds what was published. */
export type PublisherEpoch = 'replaying' | 'held';

export interface SubscribeOptions<T extends EventType> {
  /**
   * The consumer group: every group gets every event once; consumers of one group share the work. Name it after
   * the reaction, not the process (`inventory.reserve-stock`), and keep it stable: a new name starts a new group.
   */
  readonly group: string;
  /** This process's name within the group (`inventory-<hostname>-<pid>`); unique among the group's live consumers. */
  readonly consumer: string;
  readonly types: readonly T[];
  /** Resolve to acknowledge; throw to have the event delivered again later. Runs one event at a time. */
  readonly handler: (envelope: EnvelopeOf<T>, delivery: Delivery) => Promise<void>;
  /** Deliveries before the event is dead-lettered for this group (default: the bus's, 5). */
  readonly maxDeliveries?: number;
}

/** What a handler may want to know about this delivery (for logs and metrics). */
export interface Delivery {
  /** 1 on the first delivery, more after failures or a reclaim. */
  readonly deliveries: number;
  readonly group: string;
  readonly consumer: string;
}

export interface Subscription {
  /** Stops reading; waits for the event in hand to be handled (and acknowledged) first. */
  stop(): Promise<void>;
}

/** An event a group gave up on: malformed, or its handler failed `maxDeliveries` times. */
export interface DeadLetter {
  readonly group: string;
  readonly consumer: string;
  /** The domain stream it came from (`orders`). */
  readonly stream: string;
  /** Its id on that stream. */
  readonly entryId: string;
  readonly type: string;
  readonly eventId: string | null;
  /** The envelope as it travelled (JSON text), to inspect or republish. */
  readonly envelope: string;
  readonly deliveries: number;
  readonly error: string;
  /** ISO 8601. */
  readonly deadLetteredAt: string;
}
