import { createEventEntities } from '@techally/events';
import { createOrm, type Logger, type SubgraphOrm } from '@techally/platform';
import { RECOMMENDATIONS_MIGRATIONS } from './migrations';

/** The Postgres schema this subgraph owns; nothing else reads or writes it (README.md, *Owns*). */
export const RECOMMENDATIONS_SCHEMA = 'recommendations';

/**
 * The ORM knows only the event tables (the inbox dedupes the consumer). The counts are plain SQL (incremented
 * in place, `on conflict … do update`): their tables are made by the committed migrations alone.
 */
export const RECOMMENDATIONS_ENTITIES = [...createEventEntities()];

/** Schema-qualified table names, for the statements written in SQL. */
export const TABLES = {
  product: `"${RECOMMENDATIONS_SCHEMA}"."product"`,
  countedOrder: `"${RECOMMENDATIONS_SCHEMA}"."counted_order"`,
  productOrders: `"${RECOMMENDATIONS_SCHEMA}"."product_orders"`,
  coPurchase: `"${RECOMMENDATIONS_SCHEMA}"."co_purchase"`,
  customerPurchase: `"${RECOMMENDATIONS_SCHEMA}"."customer_purchase"`,
  productView: `"${RECOMMENDATIONS_SCHEMA}"."product_view"`,
} as const;

export interface RecommendationsOrmOptions {
  readonly databaseUrl: string;
  readonly poolMax?: number;
  readonly logger?: Logger;
}

/** The recommendations subgraph's ORM: the event tables, its committed migrations, its schema. */
export function createRecommendationsOrm(options: RecommendationsOrmOptions): Promise<SubgraphOrm> {
  return createOrm({
    schema: RECOMMENDATIONS_SCHEMA,
    databaseUrl: options.databaseUrl,
    entities: RECOMMENDATIONS_ENTITIES,
    migrations: RECOMMENDATIONS_MIGRATIONS,
    ...(options.poolMax !== undefined ? { poolMax: options.poolMax } : {}),
    ...(options.logger ? { logger: options.logger } : {}),
  });
}
