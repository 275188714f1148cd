import type { EntityManager } from '@mikro-orm/postgresql';
import type { SubgraphOrm } from './create-orm';

/**
 * The request's own EntityManager (identity map and unit of work scoped to the request), forked on first use
 * and the same one afterwards. A fork is not free — an EntityManager, a UnitOfWork, a copy of the
 * configuration's context, ~2 % of the CPU of a cheap `_entities` request — and a request that only reads
 * through plain SQL on the ORM's connection (the storefront's stock figures and ratings) never needs one.
 */
export function lazyFork(orm: SubgraphOrm): () => EntityManager {
  let em: EntityManager | undefined;
  return () => (em ??= orm.em.fork() as EntityManager);
}
