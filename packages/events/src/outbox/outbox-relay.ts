import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { tracePublish } from '../shared/event-spans';
import type { AnyEventEnvelope } from '../contracts/event-envelope';
import type { EventBus } from '../bus/event-bus';
import { silentLogger, type EventsLogger } from '../shared/events-logger';
import { backoffDelay, errorMessage, withTimeout } from '../shared/timing';
import { qualifiedTableName } from './event-tables';
import { listenForOutboxRows, type OutboxListener } from './outbox-listener';
import { OutboxReplay, OUTBOX_ROW_COLUMNS, toEnvelope, type OutboxRow } from './outbox-replay';
import { OUTBOX_ENTITY } from './outbox.entity';
import { pruneEventTables } from './prune-event-tables';

export interface OutboxRelayOptions {
  /** The subgraph's ORM; its outbox is the one in the ORM's schema. */
  readonly orm: MikroORM;
  /**
   * Where the events go. With `readEpoch`/`writeEpoch` (every real bus) the relay also notices a bus that lost
   * its data and publishes the retained rows again; a test double with `publish` alone is never checked.
   */
  readonly bus: Pick<EventBus, 'publish'> & Partial<Pick<EventBus, 'readEpoch' | 'writeEpoch'>>;
  /**
   * How long published rows stay in the outbox (default 1 hour, OUTBOX_RETENTION_SECONDS): what the relay
   * publishes again when the bus lost its data, and older rows are deleted. Longer than a consumer may lag
   * behind (events it had not read when the bus lost them are only recovered from inside this window).
   */
  readonly retentionMs?: number;
  /** How often published rows past the retention are deleted (default 1 minute). */
  readonly pruneIntervalMs?: number;
  /** Rows claimed per transaction (default 100); also the replay's batch. */
  readonly batchSize?: number;
  /** Pause between polls when the outbox is empty (default 1 s); also the first backoff step. */
  readonly pollIntervalMs?: number;
  /** Longest pause between attempts while the bus is down (default 30 s). */
  readonly maxBackoffMs?: number;
  /** A publish that takes longer counts as failed (default 5 s): the claimed rows stay locked meanwhile. */
  readonly publishTimeoutMs?: number;
  /**
   * One relay at a time per outbox (default true): each batch first takes a transaction-scoped advisory lock,
   * and a relay that cannot get it waits for its next poll. Several relay processes are then hot standbys and
   * events leave in outbox order. With false, relays publish disjoint batches in parallel (SKIP LOCKED) and
   * events of different batches may overtake each other.
   */
  readonly exclusive?: boolean;
  /** LISTEN for the outbox trigger's NOTIFY to publish at once (default false: real Postgres only). */
  readonly listen?: boolean;
  /**
   * Called with each event once its batch committed (published and marked), in outbox order: the hook that feeds
   * live GraphQL subscriptions from committed changes. At least once, like the bus; a throw is logged and ignored.
   */
  readonly onPublished?: (envelope: AnyEventEnvelope) => void | Promise<void>;
  readonly logger?: EventsLogger;
}

/** What one batch did. */
export interface RelayBatch {
  readonly published: number;
  /** Rows published again because the bus had lost them (see `OutboxReplay`); never handed to `onPublished`. */
  readonly republished: number;
  /** The publish that failed (the bus is down); the row and those after it wait for the next attempt. */
  readonly failure: { readonly eventId: string; readonly error: string } | null;
  /** Another relay held the outbox (exclusive mode); nothing was tried. */
  readonly busy: boolean;
}

export interface OutboxRelay {
  /** Starts polling (idempotent). */
  start(): void;
  /** Stops after the batch in flight; resolves when it has committed. */
  stop(): Promise<void>;
  /** Publishes one batch now (tests, scripts, a shutdown flush). */
  publishBatch(): Promise<RelayBatch>;
}

/**
 * Moves committed outbox rows to the bus (README.md, Design decisions). Each batch is one short transaction: claim the oldest
 * unpublished rows with `SELECT … FOR UPDATE SKIP LOCKED` (so no two relays ever hold the same row), publish
 * them one by one in order, mark those that went out `published_at = now()`. When a publish fails, the rows
 * before it are marked, that row gets `attempts + 1` and `last_error`, it and the rest stay unpublished, and the
 * relay backs off exponentially. Nothing is lost; a row may go out twice only if the process dies between the
 * publish and the commit — at-least-once, which the consumers' inbox absorbs.
 *
 * Published rows are kept for `retentionMs` (then pruned): when the bus says it lost what this outbox published
 * (its epoch marker is gone, as after a Redis restarted without its data), they go out again first
 * (`OutboxReplay`), since events published but not yet consumed vanished with it.
 *
 * The transaction is open while publishing: it locks only the claimed outbox rows (producers insert new rows
 * freely), and every publish is bounded by `publishTimeoutMs`. The in-memory bus's publish never waits on a
 * consumer, so the embedded start cannot deadlock on it.
 */
export function createOutboxRelay(options: OutboxRelayOptions): OutboxRelay {
  const { orm, bus } = options;
  const batchSize = options.batchSize ?? 100;
  const pollIntervalMs = options.pollIntervalMs ?? 1_000;
  const maxBackoffMs = options.maxBackoffMs ?? 30_000;
  const publishTimeoutMs = options.publishTimeoutMs ?? 5_000;
  const exclusive = options.exclusive ?? true;
  const logger = options.logger ?? silentLogger;
  const schema = orm.config.get('schema') ?? 'public';
  const table = qualifiedTableName(orm.em, OUTBOX_ENTITY);
  const retentionMs = options.retentionMs ?? 3_600_000;
  const pruneIntervalMs = options.pruneIntervalMs ?? 60_000;
  /** Takes this outbox's relay lock for the transaction (exclusive mode); false when another relay holds it. */
  const lock = async (em: EntityManager): Promise<boolean> => {
    if (!exclusive) return true;
    const [row] = await em.execute<Array<{ locked: boolean }>>(`select pg_try_advisory_xact_lock(hashtext(?)) as "locked"`, [outboxRelayLockName(table)]);
    return row?.locked === true;
  };
  const { readEpoch, writeEpoch } = bus;
  const replay =
    readEpoch && writeEpoch
      ? new OutboxReplay({
          orm,
          bus: { publish: (envelope) => bus.publish(envelope), readEpoch: readEpoch.bind(bus), writeEpoch: writeEpoch.bind(bus) },
          table,
          publisher: `outbox:${schema}`,
          batchSize,
          publishTimeoutMs,
          retentionMs,
          lock,
          logger,
        })
      : null;
  let nextPruneAt = 0;

  let running: Promise<void> | null = null;
  let stopped = false;
  let listener: OutboxListener | null = null;
  /** Ends the current pause early. */
  let interrupt: (() => void) | null = null;
  let interruptibleByNotify = false;
  let wakeRequested = false;

  async function publishBatch(): Promise<RelayBatch> {
    // What the bus lost goes out again first, before any newer row, so each aggregate's events keep their order.
    const replayed = (await replay?.step()) ?? null;
    if (replayed && (replayed.inProgress || replayed.failure)) {
      return { published: 0, republished: replayed.republished, failure: replayed.failure, busy: replayed.busy };
    }
    const sent: AnyEventEnvelope[] = [];
    const batch = { ...(await claimAndPublish(sent)), republished: replayed?.republished ?? 0 };
    for (const envelope of sent) {
      try {
        await options.onPublished?.(envelope);
      } catch (error) {
        logger.warn({ schema, eventId: envelope.id, err: errorMessage(error) }, 'outbox relay: the onPublished hook failed');
      }
    }
    return batch;
  }

  /** One batch in one transaction; `sent` receives the envelopes that went out (valid once it committed). */
  async function claimAndPublish(sent: AnyEventEnvelope[]): Promise<Omit<RelayBatch, 'republished'>> {
    return orm.em.fork().transactional(async (em): Promise<Omit<RelayBatch, 'republished'>> => {
      if (!(await lock(em))) return { published: 0, failure: null, busy: true };
      const rows = await em.execute<OutboxRow[]>(
        `select ${OUTBOX_ROW_COLUMNS} from ${table}
         where "published_at" is null order by "position" limit ? for update skip locked`,
        [batchSize],
      );
      const published: string[] = [];
      let failure: RelayBatch['failure'] = null;
      for (const row of rows) {
        try {
          const envelope = toEnvelope(row);
          await tracePublish(schema, envelope, () =>
            withTimeout(bus.publish(envelope), publishTimeoutMs, `the bus did not accept the event within ${publishTimeoutMs} ms`),
          );
          published.push(row.id);
          sent.push(envelope);
          replay?.noteSent(envelope);
        } catch (error) {
          failure = { eventId: row.id, error: errorMessage(error) };
          break;
        }
      }
      if (published.length > 0) {
        await em.execute(`update ${table} set "published_at" = now() where "id" in (${published.map(() => '?').join(', ')})`, published, 'run');
      }
      if (failure) {
        await em.execute(`update ${table} set "attempts" = "attempts" + 1, "last_error" = ? where "id" = ?`, [failure.error.slice(0, 2_000), failure.eventId], 'run');
      }
      return { published: published.length, failure, busy: false };
    });
  }

  async function loop(): Promise<void> {
    let failures = 0;
    while (!stopped) {
      let delay = pollIntervalMs;
      try {
        const batch = await publishBatch();
        if (batch.failure) {
          failures += 1;
          delay = backoffDelay(failures, pollIntervalMs, maxBackoffMs);
          const log = failures === 1 ? logger.warn.bind(logger) : logger.debug.bind(logger);
          log({ schema, eventId: batch.failure.eventId, err: batch.failure.error, retryInMs: delay }, 'outbox relay cannot publish; the events wait in the outbox');
        } else {
          if (failures > 0) logger.info({ schema }, 'outbox relay publishes again');
          failures = 0;
          if (batch.published === batchSize || batch.republished === batchSize) delay = 0; // more are waiting
        }
        await pruneWhenDue();
      } catch (error) {
        failures += 1;
        delay = backoffDelay(failures, pollIntervalMs, maxBackoffMs);
        logger.warn({ schema, err: errorMessage(error), retryInMs: delay }, 'outbox relay cannot read the outbox; retrying');
      }
      // A NOTIFY shortens the wait between polls, never a backoff.
      if (failures === 0 && wakeRequested) delay = 0;
      wakeRequested = false;
      if (delay > 0 && !stopped) await pause(delay, failures === 0);
    }
  }

  /** Deletes published rows past the retention, every `pruneIntervalMs`; a failure waits for the next time. */
  async function pruneWhenDue(): Promise<void> {
    if (Date.now() < nextPruneAt) return;
    nextPruneAt = Date.now() + pruneIntervalMs;
    try {
      const { outbox } = await pruneEventTables(orm.em.fork(), { publishedBefore: new Date(Date.now() - retentionMs) });
      if (outbox > 0) logger.debug({ schema, deleted: outbox, retentionMs }, 'outbox relay pruned published rows past the retention');
    } catch (error) {
      logger.warn({ schema, err: errorMessage(error) }, 'outbox relay could not prune published rows; trying again later');
    }
  }

  /** Resolves after `ms`, at once on stop(), and on a NOTIFY when `wakeable`. */
  function pause(ms: number, wakeable: boolean): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      interrupt = done;
      interruptibleByNotify = wakeable;
      function done() {
        clearTimeout(timer);
        interrupt = null;
        resolve();
      }
    });
  }

  function wake(): void {
    wakeRequested = true;
    if (interruptibleByNotify) interrupt?.();
  }

  return {
    start() {
      if (running || stopped) return;
      if (options.listen) listener = listenForOutboxRows(orm, schema, wake, logger);
      running = loop();
      logger.debug({ schema, batchSize, pollIntervalMs, exclusive }, 'outbox relay started');
    },
    async stop() {
      stopped = true;
      interrupt?.();
      await running;
      await listener?.close();
      listener = null;
    },
    publishBatch,
  };
}

/**
 * The name of the advisory lock an exclusive relay takes per batch, for an outbox table (`"orders"."outbox"`):
 * `pg_advisory_xact_lock(hashtext(name))` in another session holds every relay of that outbox (tests use it to
 * keep committed events unpublished for a moment).
 */
export function outboxRelayLockName(qualifiedOutboxTable: string): string {
  return `techally.outbox:${qualifiedOutboxTable}`;
}
