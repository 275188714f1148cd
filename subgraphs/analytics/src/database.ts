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

/** The read model's tables: what a rebuild makes anew in a shadow schema and swaps in (src/rebuild). */
export const READ_MODEL_TABLES = ['sales_order', 'sales_order_line', 'sales_refund', 'sales_allocation', 'product_category', 'stock_level', 'sales_daily'] as const;

/** Schema-qualified names of the read model's tables in `schema` (the live one, or a rebuild's shadow). */
export function readModelTables(schema: string) {
  const q = (table: (typeof READ_MODEL_TABLES)[number]) => `"${schema}"."${table}"`;
  return {
    order: q('sales_order'),
    line: q('sales_order_line'),
    refund: q('sales_refund'),
    allocation: q('sales_allocation'),
    category: q('product_category'),
    stock: q('stock_level'),
    daily: q('sales_daily'),
  } as const;
}

export type ReadModelTables = ReturnType<typeof readModelTables>;

/** The live read model, which the consumer keeps and the queries read. */
export const TABLES: ReadModelTables = readModelTables(ANALYTICS_SCHEMA);

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
