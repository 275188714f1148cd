import type { EntityManager } from '@mikro-orm/postgresql';
import { domainOf, parseEnvelopeJson, type AnyEventEnvelope, type EventBus } from '@techally/events';
import type { Logger, SubgraphOrm } from '@techally/platform';
import { ANALYTICS_SCHEMA, READ_MODEL_TABLES, readModelTables, type ReadModelTables } from '../database';
import { takeWriterLock } from '../sales/order-events.consumer';
import { isReadModelEvent, READ_MODEL_EVENT_TYPES, ReadModelWriter } from '../sales/read-model-writer';
import type { SqlExecutor } from '../sales/sales-facts';
import { SalesRollup } from '../sales/sales-rollup';
import { RebuildLease } from './rebuild-lease';

/** Where a rebuild builds the new read model while the live one keeps serving. */
export const SHADOW_SCHEMA = 'analytics_rebuild';

/** The domain streams the read model learns from. */
export const READ_MODEL_STREAMS = [...new Set(READ_MODEL_EVENT_TYPES.map((type) => domainOf(type)))].sort();

export interface RebuildOptions {
  readonly orm: SubgraphOrm;
  /** The bus's log: only `readStream` is used (XRANGE on Redis). */
  readonly bus: Pick<EventBus, 'readStream'>;
  readonly logger: Logger;
  /** Entries read, and applied in one transaction, at a time (default 500). */
  readonly pageSize?: number;
  /** Runs when the shadow is built and about to be swapped in (tests look at the live tables then). */
  readonly beforeSwap?: () => Promise<void>;
}

/** What a rebuild did. */
export interface RebuildResult {
  /** Events of the read model's types applied to the new tables (catch-up included). */
  readonly events: number;
  /** Entries of other types, or malformed ones, passed over. */
  readonly skipped: number;
  /** Of those, applied under the writer lock just before the swap. */
  readonly caughtUp: number;
  /** Per stream: the oldest entry id it still held (null when empty) — history before it was trimmed away. */
  readonly oldestEntries: Readonly<Record<string, string | null>>;
  readonly durationMs: number;
}

/**
 * Rebuilds the read model from the event streams' history (README.md, *Rebuild by replay*): the tables are made
 * anew in a shadow schema, every retained event of the read model's streams is applied to them (facts only,
 * page by page), the daily rollup is computed once, and then — under the writer lock, so no event is half
 * applied — the events that arrived meanwhile are applied with their rollup days and the shadow tables replace
 * the live ones in one transaction. Queries read the old tables until that commit and the new ones after it;
 * the consumer waits on the lock for the moment of the swap and then writes to the new tables.
 *
 * The streams hold the last ~100,000 entries per domain (`XADD MAXLEN ~`): a rebuild sees only that window,
 * and `oldestEntries` says where each stream began. One rebuild at a time, in all processes (`RebuildLease`).
 */
export class ReadModelRebuild {
  private lease: RebuildLease | null = null;

  constructor(private readonly options: RebuildOptions) {}

  /** Rebuilds, or throws CONFLICT when a rebuild is running already (in any process: `RebuildLease`). */
  async run(): Promise<RebuildResult> {
    const lease = new RebuildLease(this.options.orm.em.getConnection());
    await lease.claim();
    try {
      return await this.rebuild(lease);
    } finally {
      await lease.release();
    }
  }

  private async rebuild(lease: RebuildLease): Promise<RebuildResult> {
    const started = Date.now();
    const { orm, logger } = this.options;
    const connection = orm.em.getConnection();
    const shadow = readModelTables(SHADOW_SCHEMA);
    // A rebuild that died half way left its shadow: start over.
    await connection.execute(`drop schema if exists "${SHADOW_SCHEMA}" cascade`);
    await connection.execute(`create schema "${SHADOW_SCHEMA}"`);
    for (const table of READ_MODEL_TABLES) {
      await connection.execute(`create table "${SHADOW_SCHEMA}"."${table}" (like "${ANALYTICS_SCHEMA}"."${table}" including all)`);
    }
    const cursors = new Map<string, string | null>(READ_MODEL_STREAMS.map((stream) => [stream, null]));
    const oldestEntries: Record<string, string | null> = {};
    for (const stream of READ_MODEL_STREAMS) oldestEntries[stream] = (await this.options.bus.readStream(stream, null, 1))[0]?.id ?? null;

    const counts = { events: 0, skipped: 0 };
    this.lease = lease;
    await this.drain(shadow, cursors, counts, false);
    logger.info({ events: counts.events }, 'analytics rebuild: history applied to the shadow tables; computing the rollup');
    await new SalesRollup(connection, shadow).refreshAll();
    // Most of what arrived meanwhile, still outside the lock.
    await this.drain(shadow, cursors, counts, true);

    await this.options.beforeSwap?.();
    const before = counts.events;
    await orm.em.fork().transactional(async (tx: EntityManager) => {
      await takeWriterLock(tx);
      await this.drain(shadow, cursors, counts, true, tx);
      for (const table of READ_MODEL_TABLES) {
        await tx.execute(`drop table "${ANALYTICS_SCHEMA}"."${table}"`);
        await tx.execute(`alter table "${SHADOW_SCHEMA}"."${table}" set schema "${ANALYTICS_SCHEMA}"`);
      }
      await tx.execute(`drop schema "${SHADOW_SCHEMA}"`);
    });
    const result = { ...counts, caughtUp: counts.events - before, oldestEntries, durationMs: Date.now() - started };
    logger.info(result, 'analytics rebuild: the new read model is live');
    return result;
  }

  /**
   * Applies each stream's entries after its cursor to the shadow tables, a page per transaction (or all in `tx`),
   * until every stream is read to its end.
   */
  private async drain(shadow: ReadModelTables, cursors: Map<string, string | null>, counts: { events: number; skipped: number }, refresh: boolean, tx?: SqlExecutor & EntityManager): Promise<void> {
    const pageSize = this.options.pageSize ?? 500;
    for (const stream of READ_MODEL_STREAMS) {
      for (;;) {
        const entries = await this.options.bus.readStream(stream, cursors.get(stream) ?? null, pageSize);
        if (entries.length === 0) break;
        const envelopes: AnyEventEnvelope[] = [];
        for (const entry of entries) {
          const envelope = parseOrNull(entry.envelope);
          if (envelope && isReadModelEvent(envelope)) envelopes.push(envelope);
          else counts.skipped += 1;
        }
        const apply = async (sql: SqlExecutor) => {
          const writer = new ReadModelWriter(sql, shadow);
          for (const envelope of envelopes) await writer.apply(envelope, { refresh });
        };
        if (tx) await apply(tx);
        else await this.options.orm.em.fork().transactional((em: EntityManager) => apply(em));
        counts.events += envelopes.length;
        cursors.set(stream, entries[entries.length - 1]!.id);
        if (!tx) await this.lease?.renew();
        if (entries.length < pageSize) break;
      }
    }
  }
}

function parseOrNull(json: string): AnyEventEnvelope | null {
  try {
    return parseEnvelopeJson(json);
  } catch {
    return null;
  }
}
