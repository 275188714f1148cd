import type { EntityClass } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * The schema-qualified, quoted table of an entity (`"users"."user_account"`), for the few statements written
 * in SQL because they must be one atomic UPDATE. Qualified, never relying on search_path (README.md, Design decisions).
 */
export function tableOf(em: EntityManager, entity: EntityClass<object>): string {
  const meta = em.getMetadata().get(entity.name);
  const schema = meta.schema ?? em.config.get('schema');
  return [schema, meta.tableName]
    .filter((part): part is string => Boolean(part))
    .map((part) => `"${part}"`)
    .join('.');
}
