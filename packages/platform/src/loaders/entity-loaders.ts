import type { EntityManager, EntityName, FilterQuery } from '@mikro-orm/core';
import DataLoader from 'dataloader';

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
): DataLoader<Key, Row | null> {
  return new DataLoader<Key, Row | null>(
    async (keys) => {
      const rows = await load(keys);
      const byKey = new Map<Key, Row>();
      for (const row of rows) byKey.set(keyOf(row), row);
      return keys.map((key) => byKey.get(key) ?? null);
    },
    { maxBatchSize: 500 },
  );
}

/**
 * Loads the rows that belong to each of many parents (one-to-many) in one query, grouped by `foreignKey`.
 * Each parent gets its rows in the order of `orderBy`.
 */
export function createGroupedLoader<Entity extends object, ParentKey>(
  load: (parentKeys: ReadonlyArray<ParentKey>) => Promise<Entity[]>,
  parentKeyOf: (row: Entity) => ParentKey,
): DataLoader<ParentKey, Entity[]> {
  return new DataLoader<ParentKey, Entity[]>(
    async (parentKeys) => {
      const rows = await load(parentKeys);
      const groups = new Map<ParentKey, Entity[]>();
      for (const row of rows) {
        const parent = parentKeyOf(row);
        const group = groups.get(parent);
        if (group) group.push(row);
        else groups.set(parent, [row]);
      }
      return parentKeys.map((parent) => groups.get(parent) ?? []);
    },
    { maxBatchSize: 500 },
  );
}
