import type { DeadLetter } from './event-bus';

/** One entry of a domain stream, as a consumer receives it. */
export interface StreamEntry {
  /** The stream's name without any key prefix: the producing domain (`orders`). */
  readonly stream: string;
  /** Its id on that stream (Redis `1700000000000-0`). */
  readonly id: string;
  readonly type: string;
  /** The envelope's JSON text. */
  readonly envelope: string;
  /** How many times it has been delivered to this group, this delivery included. */
  readonly deliveries: number;
}

/**
 * The operations the bus needs from a log of append-only streams with consumer groups — Redis Streams'
 * primitives (XADD, XGROUP CREATE, XREADGROUP, XAUTOCLAIM, XACK). The Redis store maps each to its command; the
 * in-memory store reproduces their semantics. The consumer loop on top (`stream-event-bus.ts`) is shared, so
 * both buses behave the same by construction and the contract suite checks the stores.
 */
export interface StreamStore {
  append(stream: string, type: string, envelope: string): Promise<void>;
  /** Creates the group at the beginning of the stream (and the stream), unless it exists. */
  ensureGroup(stream: string, group: string): Promise<void>;
  /** A reader for one consumer loop: on Redis, its own connection, since a blocking read holds one. */
  createReader(): StreamReader;
  /**
   * Takes over entries of the group pending (delivered, not acknowledged) for at least `minIdleMs`, whoever
   * holds them, counting a delivery for each.
   */
  claimIdle(options: { stream: string; group: string; consumer: string; minIdleMs: number; count: number }): Promise<StreamEntry[]>;
  ack(stream: string, group: string, id: string): Promise<void>;
  appendDeadLetter(letter: DeadLetter): Promise<void>;
  /**
   * Up to `count` entries of the stream after entry id `after` (exclusive; `null` = from the oldest retained),
   * oldest first, whatever the groups did with them (Redis XRANGE). Reads no group state and changes none.
   */
  readRange(stream: string, after: string | null, count: number): Promise<StreamEntry[]>;
  /**
   * A publisher's epoch marker (see `EventBus.readEpoch`): its value, or null when it is missing, one of
   * `streams` no longer exists or lost the newest entry appended to it — the store lost what it held.
   */
  readMarker(name: string, streams: readonly string[]): Promise<string | null>;
  /** Writes the marker; with `onlyIfPresent`, only over one that still exists. Resolves whether it wrote. */
  writeMarker(name: string, value: string, onlyIfPresent: boolean): Promise<boolean>;
  readDeadLetters(limit: number): Promise<DeadLetter[]>;
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

export interface StreamReader {
  /**
   * Entries of the streams never delivered to the group, at most `count` of each stream (XREADGROUP's COUNT, so a
   * backlog in one stream delays no other's), waiting up to `blockMs` for one to
   * arrive. Aborting the signal ends the wait early (resolving or rejecting; the loop then stops).
   */
  readNew(options: { group: string; consumer: string; streams: readonly string[]; count: number; blockMs: number; signal: AbortSignal }): Promise<StreamEntry[]>;
  close(): Promise<void>;
}
