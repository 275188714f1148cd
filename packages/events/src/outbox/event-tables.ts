import type { EntityManager } from '@mikro-orm/core';
import { createInboxEntity } from './inbox.entity';
import { createOutboxEntity } from './outbox.entity';

/**
 * The two entity schemas a subgraph adds to its ORM to produce and consume events:
 * `createOrm({ entities: [...MY_ENTITIES, ...createEventEntities()] })`. Fresh objects on every call (see
 * `createOutboxEntity`).
 */
export function createEventEntities() {
  return [createOutboxEntity(), createInboxEntity()] as const;
}

/**
 * The schema-qualified, quoted name of one of the event tables in the ORM behind `em` (its entity's schema,
 * else the ORM's `schema` option), for the statements written in SQL. Throws a message that says what to do
 * when the subgraph forgot to register the entities.
 */
export function qualifiedTableName(em: EntityManager, entityName: string): string {
  const meta = em.getMetadata().find(entityName);
  if (!meta) {
    throw new Error(`${entityName} is not registered with this ORM: add ...createEventEntities() to its entities`);
  }
  const schema = meta.schema && meta.schema !== '*' ? meta.schema : em.config.get('schema');
  return schema ? `"${schema}"."${meta.tableName}"` : `"${meta.tableName}"`;
}
