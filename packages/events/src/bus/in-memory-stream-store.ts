import type { DeadLetter } from './event-bus';
import type { StreamEntry, StreamReader, StreamStore } from './stream-store';

interface StoredEntry {
  readonly seq: number;
  readonly id: string;
  readonly type: string;
  readonly envelope: string;
}

interface PendingEntry {
  consumer: string;
  deliveries: number;
  deliveredAt: number;
}

interface Group {
  /** The last sequence number handed out with "new entries only" (Redis' last-delivered-id). */
  lastDelivered: number;
  /** Delivered, not yet acknowledged (Redis' PEL), by entry sequence number. */
  readonly pending: Map<number, PendingEntry>;
}

interface Stream {
  readonly entries: StoredEntry[];
  readonly groups: Map<string, Group>;
  nextSeq: number;
}

export interface InMemoryStreamStoreOptions {
  /** Entries kept per stream (oldest dropped first), as Redis' MAXLEN. */
  readonly maxLength?: number;
  readonly deadLetterMaxLength?: number;
}

/**
 * Redis Streams' semantics in memory, for the embedded start and unit tests: append-only streams trimmed to a
 * length, consumer groups that each see every entry once, a pending list per group with owners and delivery
 * counts, claims of idle pending entries, acknowledgements. Everything lives in this object and dies with it.
 */
export function createInMemoryStreamStore(options: InMemoryStreamStoreOptions = {}): StreamStore {
  const maxLength = options.maxLength ?? 100_000;
  const deadLetterMaxLength = options.deadLetterMaxLength ?? 10_000;
  const streams = new Map<string, Stream>();
  const deadLetters: DeadLetter[] = [];
  /** Publishers' epoch markers: like the streams, they live and die with this object. */
  const markers = new Map<string, string>();
  /** Readers blocked waiting for an append. */
  const waiters = new Set<() => void>();

  function streamNamed(name: string): Stream {
    let stream = streams.get(name);
    if (!stream) {
      stream = { entries: [], groups: new Map(), nextSeq: 1 };
      streams.set(name, stream);
    }
    return stream;
  }

  function groupOf(streamName: string, groupName: string): { stream: Stream; group: Group } {
    const stream = streams.get(streamName);
    const group = stream?.groups.get(groupName);
    // Redis answers NOGROUP here; the consumer loop recreates the group and goes on.
    if (!stream || !group) throw new Error(`NOGROUP no consumer group ${groupName} on stream ${streamName}`);
    return { stream, group };
  }

  function entryAt(stream: Stream, seq: number): StoredEntry | undefined {
    const first = stream.entries[0];
    return first ? stream.entries[seq - first.seq] : undefined;
  }

  function takeNew(group: string, consumer: string, names: readonly string[], count: number): StreamEntry[] {
    const taken: StreamEntry[] = [];
    for (const name of names) {
      const { stream, group: state } = groupOf(name, group);
      const firstSeq = stream.entries[0]?.seq ?? stream.nextSeq;
      const start = Math.max(0, state.lastDelivered + 1 - firstSeq);
      // Up to `count` of EACH stream, as XREADGROUP: a backlog in one stream must not starve the others.
      for (const entry of stream.entries.slice(start, start + count)) {
        state.lastDelivered = entry.seq;
        state.pending.set(entry.seq, { consumer, deliveries: 1, deliveredAt: Date.now() });
        taken.push({ stream: name, id: entry.id, type: entry.type, envelope: entry.envelope, deliveries: 1 });
      }
    }
    return taken;
  }

  let closed = false;

  return {
    async append(name, type, envelope) {
      if (closed) throw new Error('the in-memory event bus is closed');
      const stream = streamNamed(name);
      const seq = stream.nextSeq++;
      stream.entries.push({ seq, id: `${seq}-0`, type, envelope });
      // Trimmed in slices, like Redis' `MAXLEN ~`: never fewer than maxLength entries kept, rarely many more.
      if (stream.entries.length > maxLength + Math.ceil(maxLength / 10)) stream.entries.splice(0, stream.entries.length - maxLength);
      for (const wake of [...waiters]) wake();
    },

    async ensureGroup(name, group) {
      const stream = streamNamed(name);
      if (!stream.groups.has(group)) stream.groups.set(group, { lastDelivered: 0, pending: new Map() });
    },

    createReader(): StreamReader {
      return {
        async readNew({ group, consumer, streams: names, count, blockMs, signal }) {
          const taken = takeNew(group, consumer, names, count);
          if (taken.length > 0 || signal.aborted) return taken;
          await new Promise<void>((resolve) => {
            const timer = setTimeout(done, blockMs);
            waiters.add(done);
            signal.addEventListener('abort', done, { once: true });
            function done() {
              clearTimeout(timer);
              waiters.delete(done);
              signal.removeEventListener('abort', done);
              resolve();
            }
          });
          return signal.aborted ? [] : takeNew(group, consumer, names, count);
        },
        async close() {},
      };
    },

    async claimIdle({ stream: name, group, consumer, minIdleMs, count }) {
      const { stream, group: state } = groupOf(name, group);
      const now = Date.now();
      const claimed: StreamEntry[] = [];
      for (const [seq, pending] of [...state.pending].sort(([a], [b]) => a - b)) {
        if (claimed.length >= count) break;
        if (now - pending.deliveredAt < minIdleMs) continue;
        const entry = entryAt(stream, seq);
        if (!entry) {
          // Trimmed away while pending: Redis' XAUTOCLAIM drops such ids from the pending list too.
          state.pending.delete(seq);
          continue;
        }
        pending.consumer = consumer;
        pending.deliveries += 1;
        pending.deliveredAt = now;
        claimed.push({ stream: name, id: entry.id, type: entry.type, envelope: entry.envelope, deliveries: pending.deliveries });
      }
      return claimed;
    },

    async ack(name, group, id) {
      const state = streams.get(name)?.groups.get(group);
      state?.pending.delete(Number.parseInt(id, 10));
    },

    async appendDeadLetter(letter) {
      deadLetters.push(letter);
      if (deadLetters.length > deadLetterMaxLength) deadLetters.splice(0, deadLetters.length - deadLetterMaxLength);
    },

    async readRange(name, after, count) {
      const entries = streams.get(name)?.entries ?? [];
      const afterSeq = after === null ? 0 : Number.parseInt(after, 10);
      return entries
        .filter((entry) => entry.seq > afterSeq)
        .slice(0, count)
        .map((entry) => ({ stream: name, id: entry.id, type: entry.type, envelope: entry.envelope, deliveries: 0 }));
    },

    async readDeadLetters(limit) {
      return deadLetters.slice(-limit);
    },

    async readMarker(name, names) {
      const value = markers.get(name);
      return value !== undefined && names.every((stream) => streams.has(stream)) ? value : null;
    },

    async writeMarker(name, value, onlyIfPresent) {
      if (onlyIfPresent && !markers.has(name)) return false;
      markers.set(name, value);
      return true;
    },

    async ping() {
      return !closed;
    },

    async close() {
      closed = true;
      for (const wake of [...waiters]) wake();
    },
  };
}
