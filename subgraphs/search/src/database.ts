import { createEventEntities } from '@techally/events';
import { createOrm, type Logger, type SubgraphOrm } from '@techally/platform';
import { SEARCH_MIGRATIONS } from './migrations';

/** The Postgres schema this subgraph owns; nothing else reads or writes it (README.md, Design decisions). */
export const SEARCH_SCHEMA = 'search';

/**
 * The ORM knows only the event tables (the inbox dedupes the catalogue consumer). The read model is plain SQL
 * (a generated tsvector, GIN and trigram indexes the entity metadata cannot describe): its tables are made by
 * the committed migrations alone, and never diffed against entities (README.md, *Owns*).
 */
export const SEARCH_ENTITIES = [...createEventEntities()];

/** Schema-qualified table names, for the statements written in SQL. */
export const TABLES = {
  product: `"${SEARCH_SCHEMA}"."product"`,
  vocabulary: `"${SEARCH_SCHEMA}"."vocabulary"`,
  syncState: `"${SEARCH_SCHEMA}"."sync_state"`,
} as const;

export interface SearchOrmOptions {
  readonly databaseUrl: string;
  readonly poolMax?: number;
  readonly logger?: Logger;
}

/** The search subgraph's ORM: the event tables, its committed migrations, its schema. */
export function createSearchOrm(options: SearchOrmOptions): Promise<SubgraphOrm> {
  return createOrm({
    schema: SEARCH_SCHEMA,
    databaseUrl: options.databaseUrl,
    entities: SEARCH_ENTITIES,
    migrations: SEARCH_MIGRATIONS,
    ...(options.poolMax !== undefined ? { poolMax: options.poolMax } : {}),
    ...(options.logger ? { logger: options.logger } : {}),
  });
}
