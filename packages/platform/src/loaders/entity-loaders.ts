import type { EntityManager, EntityName, FilterQuery } from '@mikro-orm/core';
import DataLoader from 'dataloader';
import { inSpan } from '../tracing/spans';
import { isTracingActive } from '../tracing/tracing-state';

/** What names a loader's batches in traces (`load Product`, `reviews by product`). */
export interface LoaderOptions {
  readonly name?: string;
}

/**
 * A loader's batch function with a span per batch (`dataloader.batch.size` keys), inside a trace only: one span
 * per batch is what shows a request's N+1 problem — or its absence — at a glance.
 */
export function tracedBatch<Key, Value>(name: string, batch: (keys: ReadonlyArray<Key>) => Promise<Value>): (keys: ReadonlyArray<Key>) => Promise<Value> {
  return (keys) =>
    isTracingActive()
      ? inSpan(name, { onlyInTrace: true, attributes: { 'dataloader.batch.size': keys.length } }, () => batch(keys))
      : batch(keys);
}

/**
 * Loads entities of one type by a unique column, batching every key asked for in one tick into one
 * `WHERE key IN (...)` query. Missing keys resolve to null (an unknown id is not an error for a reference).
 * Create one per request (in the context) so the cache never outlives the request's EntityManager.
 */
export function createEntityLoader<Entity extends object, Key extends string & keyof Entity>(
  em: EntityManager,
  entity: EntityName<Entity>,
  key: Key,
  extraFilter: FilterQuery<Entity> = {} as FilterQuery<Entity>,
): DataLoader<Entity[Key], Entity | null> {
  return createRecordLoader(
    async (keys) => (await em.find(entity, { ...(extraFilter as object), [key]: { $in: [...keys] } } as FilterQuery<Entity>)) as Entity[],
    (row) => row[key],
    { name: `load ${typeof entity === 'string' ? entity : (entity as { name?: string }).name ?? 'entity'} by ${key}` },
  );
}

/**
 * The same batching for rows that are not entities: `load` answers the rows for a batch of keys in one
 * statement (plain records of a read path, mapped once, no identity map), `keyOf` says which key a row answers.
 * Missing keys resolve to null. One per request, like the entity loaders.
 */
export function createRecordLoader<Row, Key>(
  load: (keys: ReadonlyArray<Key>) => Promise<ReadonlyArray<Row>>,
  keyOf: (row: Row) => Key,
  options: LoaderOptions = {},
): RecordLoader<Key, Row> {
  return new RecordLoader(load, keyOf, options);
}

/**
 * A DataLoader of plain rows that can also answer synchronously what it already knows ({@link peek}). A
 * resolver that returns a value rather than a promise keeps graphql-js on its synchronous path for that object:
 * a listing whose rows were primed by the page's own statement then completes its 20 nodes without 20 promises.
 */
export class RecordLoader<Key, Row> extends DataLoader<Key, Row | null> {
  private readonly known: Map<Key, Row | null>;

  constructor(load: (keys: ReadonlyArray<Key>) => Promise<ReadonlyArray<Row>>, keyOf: (row: Row) => Key, options: LoaderOptions = {}) {
    const known = new Map<Key, Row | null>();
    super(
      tracedBatch(options.name ?? 'dataloader.batch', async (keys: ReadonlyArray<Key>) => {
        const rows = await load(keys);
        const byKey = new Map<Key, Row>();
        for (const row of rows) byKey.set(keyOf(row), row);
        return keys.map((key) => {
          const row = byKey.get(key) ?? null;
          known.set(key, row);
          return row;
        });
      }),
      { maxBatchSize: 500 },
    );
    this.known = known;
  }

  /** The row already loaded or primed for `key` (null: known to be missing), or undefined when not known yet. */
  peek(key: Key): Row | null | undefined {
    return this.known.get(key);
  }

  /** Like DataLoader's: a key already known keeps its row (clear it first to replace it). */
  override prime(key: Key, value: Row | null | PromiseLike<Row | null> | Error): this {
    if (!this.known.has(key) && (value === null || !(value instanceof Error || isPromiseLike(value)))) {
      this.known.set(key, value as Row | null);
    }
    return super.prime(key, value);
  }

  override clear(key: Key): this {
    this.known.delete(key);
    return super.clear(key);
  }

  override clearAll(): this {
    this.known.clear();
    return super.clearAll();
  }
}

function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as PromiseLike<unknown>).then === 'function';
}

/**
 * Loads the rows that belong to each of many parents (one-to-many) in one query, grouped by `foreignKey`.
 * Each parent gets its rows in the order of `orderBy`.
 */
export function createGroupedLoader<Entity extends object, ParentKey>(
  load: (parentKeys: ReadonlyArray<ParentKey>) => Promise<Entity[]>,
  parentKeyOf: (row: Entity) => ParentKey,
  options: LoaderOptions = {},
): DataLoader<ParentKey, Entity[]> {
  return new DataLoader<ParentKey, Entity[]>(
    tracedBatch(options.name ?? 'dataloader.batch', async (parentKeys: ReadonlyArray<ParentKey>) => {
      const rows = await load(parentKeys);
      const groups = new Map<ParentKey, Entity[]>();
      for (const row of rows) {
        const parent = parentKeyOf(row);
        const group = groups.get(parent);
        if (group) group.push(row);
        else groups.set(parent, [row]);
      }
      return parentKeys.map((parent) => groups.get(parent) ?? []);
    }),
    { maxBatchSize: 500 },
  );
}
