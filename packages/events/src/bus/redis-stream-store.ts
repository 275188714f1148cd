import { Redis, type RedisOptions } from 'ioredis';
import type { EventsLogger } from '../shared/events-logger';
import { errorMessage, withTimeout } from '../shared/timing';
import type { DeadLetter } from './event-bus';
import { redisStreamKeys } from './redis-stream-keys';
import type { StreamEntry, StreamReader, StreamStore } from './stream-store';

export interface RedisStreamStoreOptions {
  /** `redis://[:password@]host:port[/db]` (REDIS_URL). */
  readonly url: string;
  /** Every key starts with it (default `techally`): see `redisStreamKeys`. */
  readonly keyPrefix?: string;
  /**
   * Entries kept per domain stream (`XADD MAXLEN ~`, default 100,000): the replay window. Trimming ignores
   * consumer groups, so a group that falls further behind than this loses entries; size it above the worst lag.
   */
  readonly maxLength?: number;
  readonly deadLetterMaxLength?: number;
  /** How long a command may take before it fails (default 10 s); blocking reads are exempt. */
  readonly commandTimeoutMs?: number;
  /** Shown by `CLIENT LIST`. */
  readonly connectionName?: string;
  readonly logger: EventsLogger;
}

type RawEntry = [id: string, fields: string[] | null];

/**
 * The {@link StreamStore} on Redis Streams (≥ 6.2 for XAUTOCLAIM). One connection for commands, one more per
 * consumer loop for its blocking XREADGROUP. ioredis reconnects by itself when Redis restarts; commands fail
 * fast while it is away (the relay keeps its rows and retries), blocked reads wait for it to come back.
 */
export function createRedisStreamStore(options: RedisStreamStoreOptions): StreamStore {
  const keys = redisStreamKeys(options.keyPrefix ?? 'techally');
  const maxLength = String(options.maxLength ?? 100_000);
  const deadLetterMaxLength = String(options.deadLetterMaxLength ?? 10_000);
  const { logger } = options;
  const base: RedisOptions = {
    connectionName: options.connectionName ?? `techally-events-${keys.prefix}`,
    retryStrategy: (attempt) => Math.min(attempt * 100, 2_000),
    // Without this, a command waits out every reconnection attempt (20 by default) before failing.
    maxRetriesPerRequest: 1,
    // A socket that never connected is destroyed this long after disconnect(); ioredis' 2 s keeps a stopping
    // process alive for nothing.
    disconnectTimeout: 200,
  };
  const commands = watch(new Redis(options.url, { ...base, commandTimeout: options.commandTimeoutMs ?? 10_000 }), 'commands', logger);

  /**
   * The newest entry this process appended to each stream. Trimming only ever takes the oldest entries, so when
   * it is gone the stream lost its tail: a Redis restarted from an AOF fsynced every second may lack the last
   * second's writes while its other keys (the epoch markers) survived.
   */
  const lastAppended = new Map<string, string>();

  async function ensureGroup(stream: string, group: string): Promise<void> {
    try {
      await commands.call('XGROUP', 'CREATE', keys.stream(stream), group, '0', 'MKSTREAM');
    } catch (error) {
      if (!errorMessage(error).startsWith('BUSYGROUP')) throw error;
    }
  }

  function toEntry(key: string, [id, fields]: RawEntry, deliveries: number): StreamEntry | null {
    if (!fields) return null;
    const values = pairs(fields);
    return { stream: keys.domainOf(key), id, type: values['type'] ?? '', envelope: values['envelope'] ?? '', deliveries };
  }

  return {
    async append(stream, type, envelope) {
      const id = (await commands.call('XADD', keys.stream(stream), 'MAXLEN', '~', maxLength, '*', 'type', type, 'envelope', envelope)) as string;
      lastAppended.set(stream, id);
    },

    ensureGroup,

    createReader(): StreamReader {
      // Blocking reads hold their connection; one per loop, waiting through reconnections instead of failing.
      const connection = watch(new Redis(options.url, { ...base, maxRetriesPerRequest: null }), 'reader', logger);
      let closed = false;
      const close = () => {
        if (closed) return;
        closed = true;
        connection.disconnect();
      };
      return {
        async readNew({ group, consumer, streams, count, blockMs, signal }) {
          if (signal.aborted) return [];
          // A blocked XREADGROUP cannot be cancelled on its connection: closing the connection is how to stop.
          signal.addEventListener('abort', close, { once: true });
          try {
            const streamKeys = streams.map((stream) => keys.stream(stream));
            const reply = (await connection.call(
              'XREADGROUP', 'GROUP', group, consumer, 'COUNT', count, 'BLOCK', blockMs, 'STREAMS', ...streamKeys, ...streamKeys.map(() => '>'),
            )) as Array<[key: string, entries: RawEntry[]]> | null;
            const entries: StreamEntry[] = [];
            for (const [key, raw] of reply ?? []) {
              for (const item of raw) {
                const entry = toEntry(key, item, 1);
                if (entry) entries.push(entry);
              }
            }
            return entries;
          } finally {
            signal.removeEventListener('abort', close);
          }
        },
        async close() {
          close();
        },
      };
    },

    async claimIdle({ stream, group, consumer, minIdleMs, count }) {
      const key = keys.stream(stream);
      const [, raw, deleted] = (await commands.call('XAUTOCLAIM', key, group, consumer, minIdleMs, '0-0', 'COUNT', count)) as [string, RawEntry[], string[]?];
      if (deleted && deleted.length > 0) {
        logger.warn({ stream, group, entryIds: deleted }, 'pending entries were trimmed from the stream before being acknowledged: lost for this group');
      }
      const claimed = raw.filter((item) => item[1] !== null);
      if (claimed.length === 0) return [];
      // XAUTOCLAIM does not say how often each entry was delivered; the pending list does.
      const replies = (await commands.pipeline(claimed.map(([id]) => ['xpending', key, group, id, id, 1])).exec()) ?? [];
      const deliveries = new Map<string, number>();
      for (const [error, reply] of replies) {
        const [row] = error ? [] : (reply as Array<[string, string, number, number]>);
        if (row) deliveries.set(row[0], Number(row[3]));
      }
      return claimed
        .map((item) => toEntry(key, item, deliveries.get(item[0]) ?? 1))
        .filter((entry): entry is StreamEntry => entry !== null);
    },

    async ack(stream, group, id) {
      await commands.call('XACK', keys.stream(stream), group, id);
    },

    async appendDeadLetter(letter) {
      const fields = Object.entries(letter).flatMap(([name, value]) => [name, value === null ? '' : String(value)]);
      await commands.call('XADD', keys.deadLetter, 'MAXLEN', '~', deadLetterMaxLength, '*', ...fields);
    },

    async readMarker(name, streams) {
      // One round trip: the marker's value, whether every stream it vouches for is still there, and whether each
      // still holds the newest entry this process appended to it.
      const appended = streams.flatMap((stream) => {
        const id = lastAppended.get(stream);
        return id ? [{ key: keys.stream(stream), id }] : [];
      });
      const transaction = commands
        .multi()
        .get(keys.marker(name))
        .exists(...streams.map((stream) => keys.stream(stream)), keys.marker(name));
      for (const { key, id } of appended) transaction.xrange(key, id, id);
      const replies = ((await transaction.exec()) ?? []) as Array<[Error | null, unknown]>;
      const failed = replies.find(([error]) => error);
      if (failed) throw failed[0];
      const [[, value], [, existing], ...tails] = replies as [[null, string | null], [null, number], ...Array<[null, unknown[]]>];
      const intact = existing === streams.length + 1 && tails.every(([, entries]) => entries.length === 1);
      return value !== null && intact ? value : null;
    },

    async writeMarker(name, value, onlyIfPresent) {
      const written = onlyIfPresent
        ? await commands.set(keys.marker(name), value, 'XX')
        : await commands.set(keys.marker(name), value);
      return written === 'OK';
    },

    async readRange(stream, after, count) {
      const key = keys.stream(stream);
      const raw = (await commands.call('XRANGE', key, after === null ? '-' : `(${after}`, '+', 'COUNT', count)) as RawEntry[];
      return raw.map((item) => toEntry(key, item, 0)).filter((entry): entry is StreamEntry => entry !== null);
    },

    async readDeadLetters(limit) {
      const raw = (await commands.call('XREVRANGE', keys.deadLetter, '+', '-', 'COUNT', limit)) as RawEntry[];
      return raw.reverse().map(([, fields]) => toDeadLetter(pairs(fields ?? [])));
    },

    async ping() {
      try {
        return (await withTimeout(commands.ping(), 2_000, 'Redis did not answer PING')) === 'PONG';
      } catch {
        return false;
      }
    },

    async close() {
      commands.disconnect();
    },
  };
}

function pairs(fields: string[]): Record<string, string> {
  const values: Record<string, string> = {};
  for (let index = 0; index + 1 < fields.length; index += 2) values[fields[index]!] = fields[index + 1]!;
  return values;
}

function toDeadLetter(values: Record<string, string>): DeadLetter {
  return {
    group: values['group'] ?? '',
    consumer: values['consumer'] ?? '',
    stream: values['stream'] ?? '',
    entryId: values['entryId'] ?? '',
    type: values['type'] ?? '',
    eventId: values['eventId'] || null,
    envelope: values['envelope'] ?? '',
    deliveries: Number(values['deliveries'] ?? 0),
    error: values['error'] ?? '',
    deadLetteredAt: values['deadLetteredAt'] ?? '',
  };
}

/** Logs a connection's outages once each (ioredis reports every failed reconnection), and its recoveries. */
function watch(connection: Redis, role: string, logger: EventsLogger): Redis {
  let down = false;
  connection.on('error', (error: Error) => {
    if (down) return;
    down = true;
    logger.warn({ role, err: error.message }, 'Redis connection lost; reconnecting');
  });
  connection.on('ready', () => {
    if (!down) return;
    down = false;
    logger.info({ role }, 'Redis connection back');
  });
  return connection;
}
