import { createEventEntities } from '@techally/events';
import { createOrm, type Logger, type SubgraphOrm } from '@techally/platform';
import { ANALYTICS_MIGRATIONS } from './migrations';

/** The Postgres schema this subgraph owns; nothing else reads or writes it (README.md). */
export const ANALYTICS_SCHEMA = 'analytics';

/**
 * The ORM knows only the event tables (the inbox dedupes the sales consumer). The read model is plain SQL
 * (upserts guarded by time, aggregates by period): its tables are made by the committed migrations alone.
 */
export const ANALYTICS_ENTITIES = [...createEventEntities()];

/** Schema-qualified table names, for the statements written in SQL. */
export const TABLES = {
  order: `"${ANALYTICS_SCHEMA}"."sales_order"`,
  line: `"${ANALYTICS_SCHEMA}"."sales_order_line"`,
} as const;

export interface AnalyticsOrmOptions {
  readonly databaseUrl: string;
  readonly poolMax?: number;
  readonly logger?: Logger;
}

/** The analytics subgraph's ORM: the event tables, its committed migrations, its schema. */
export function createAnalyticsOrm(options: AnalyticsOrmOptions): Promise<SubgraphOrm> {
  return createOrm({
    schema: ANALYTICS_SCHEMA,
    databaseUrl: options.databaseUrl,
    entities: ANALYTICS_ENTITIES,
    migrations: ANALYTICS_MIGRATIONS,
    ...(options.poolMax !== undefined ? { poolMax: options.poolMax } : {}),
    ...(options.logger ? { logger: options.logger } : {}),
  });
}
