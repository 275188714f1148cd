import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { domainOf } from '../contracts/event-catalogue';
import type { AnyEventEnvelope } from '../contracts/event-envelope';
import type { EventBus } from '../bus/event-bus';
import type { EventsLogger } from '../shared/events-logger';
import { errorMessage, withTimeout } from '../shared/timing';

/** The outbox columns an envelope is made of (`occurred_at` already ISO 8601). */
export interface OutboxRow {
  id: string;
  type: string;
  aggregate_id: string;
  payload: unknown;
  metadata: unknown;
  occurred_at: string;
  position: string;
}

/**
 * `occurred_at` exactly as `createEvent` wrote it (`2026-11-26T07:01:02.123Z`): formatted by Postgres, since the
 * driver hands raw timestamps back as text in the server's own format.
 */
export const OUTBOX_ROW_COLUMNS = `"id", "type", "aggregate_id", "payload", "metadata", "position",
  to_char("occurred_at" at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "occurred_at"`;

export function toEnvelope(row: OutboxRow): AnyEventEnvelope {
  return {
    id: row.id,
    type: row.type,
    occurredAt: row.occurred_at,
    aggregateId: row.aggregate_id,
    payload: row.payload,
    metadata: row.metadata ?? {},
  } as AnyEventEnvelope;
}

export interface OutboxReplayOptions {
  readonly orm: MikroORM;
  readonly bus: Pick<EventBus, 'publish' | 'readEpoch' | 'writeEpoch'>;
  /** The outbox table, schema-qualified. */
  readonly table: string;
  /** The marker's name on the bus: one per outbox. */
  readonly publisher: string;
  readonly batchSize: number;
  readonly publishTimeoutMs: number;
  /** Published rows younger than this are published again when the bus lost them. */
  readonly retentionMs: number;
  /** Takes the relay's advisory lock in the batch's transaction; false when another relay holds it. */
  readonly lock: (em: EntityManager) => Promise<boolean>;
  readonly logger: EventsLogger;
}

/** What one step of a replay did. */
export interface ReplayStep {
  readonly republished: number;
  readonly failure: { readonly eventId: string; readonly error: string } | null;
  readonly busy: boolean;
  /** More retained rows wait to be published again: the relay's normal batch waits behind them. */
  readonly inProgress: boolean;
}

/**
 * Publishing again what a bus lost (issue #9): a Redis restarted without its data takes every stream, group
 * and pending entry with it, and with them the events of checkouts in flight. Before each batch the relay asks
 * the bus for its epoch marker (`readEpoch`); when it is gone, the published outbox rows still inside the
 * retention window go out again, oldest first and before any new row (so each aggregate's events keep their
 * order), one batch per transaction under the relay's lock, without touching the rows. Consumers apply each
 * event once through their inbox, so what they had already handled is skipped. The marker says `replaying`
 * while this runs (a relay that dies half way leaves it so, and the next one starts over) and `held` once done
 * — written only over a marker that still exists, so a bus that lost its data again meanwhile is noticed again.
 */
export class OutboxReplay {
  /** Position after which the replay in progress continues; null when none is. */
  private after: string | null = null;
  private republishedInRun = 0;
  /** The domains this relay published to since it started: a stream of them deleted is a loss too. */
  private readonly streams = new Set<string>();

  constructor(private readonly options: OutboxReplayOptions) {}

  /** Remembers the stream an event went to (`readEpoch` then checks it still exists). */
  noteSent(envelope: AnyEventEnvelope): void {
    this.streams.add(domainOf(envelope.type));
  }

  async step(): Promise<ReplayStep> {
    const idle: ReplayStep = { republished: 0, failure: null, busy: false, inProgress: false };
    if (this.after === null && !(await this.lost())) return idle;
    const { orm, bus, table, batchSize, publishTimeoutMs, retentionMs } = this.options;
    return orm.em.fork().transactional(async (em): Promise<ReplayStep> => {
      if (!(await this.options.lock(em))) return { ...idle, busy: true, inProgress: true };
      const rows = await em.execute<OutboxRow[]>(
        `select ${OUTBOX_ROW_COLUMNS} from ${table}
         where "published_at" is not null and "published_at" >= now() - make_interval(secs => ?) and "position" > ?
         order by "position" limit ?`,
        [retentionMs / 1_000, this.after ?? '0', batchSize],
      );
      let republished = 0;
      for (const row of rows) {
        try {
          const envelope = toEnvelope(row);
          await withTimeout(bus.publish(envelope), publishTimeoutMs, `the bus did not accept the event within ${publishTimeoutMs} ms`);
          this.noteSent(envelope);
          this.after = row.position;
          republished += 1;
        } catch (error) {
          this.republishedInRun += republished;
          return { republished, failure: { eventId: row.id, error: errorMessage(error) }, busy: false, inProgress: true };
        }
      }
      this.republishedInRun += republished;
      if (rows.length === batchSize) return { ...idle, republished, inProgress: true };
      await this.finish();
      return { ...idle, republished };
    });
  }

  /** Whether the bus lost what this outbox published; starts a replay when it did. */
  private async lost(): Promise<boolean> {
    const { bus, publisher, logger, retentionMs } = this.options;
    let epoch;
    try {
      epoch = await bus.readEpoch(publisher, [...this.streams]);
    } catch {
      return false; // the bus is down: the relay's publish finds out and backs off
    }
    if (epoch === 'held') return false;
    logger.warn(
      { publisher, epoch, retentionMs },
      epoch === null
        ? 'the bus no longer holds what this outbox published (Redis restarted without its data?): publishing the retained events again'
        : 'a replay of this outbox did not finish: publishing the retained events again',
    );
    await bus.writeEpoch(publisher, 'replaying');
    this.after = '0';
    this.republishedInRun = 0;
    return true;
  }

  private async finish(): Promise<void> {
    const { bus, publisher, logger } = this.options;
    this.after = null;
    const held = await bus.writeEpoch(publisher, 'held');
    logger.info({ publisher, republished: this.republishedInRun, held }, held ? 'outbox replay done' : 'the bus lost its data again during the replay: starting over');
  }
}
