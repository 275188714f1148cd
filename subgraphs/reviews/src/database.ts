import { createOrm, type Logger, type SubgraphOrm } from '@techally/platform';
import { REVIEWS_MIGRATIONS } from './migrations';
import { Review } from './review/review.entity';

/** The Postgres schema this subgraph owns; nothing else reads or writes it (DESIGN.md §3). */
export const REVIEWS_SCHEMA = 'reviews';

export const REVIEWS_ENTITIES = [Review];

/** Schema-qualified table names, for the statements written in SQL (window functions, aggregates). */
export const TABLES = {
  review: `"${REVIEWS_SCHEMA}"."review"`,
} as const;

export interface ReviewsOrmOptions {
  readonly databaseUrl: string;
  readonly poolMax?: number;
  readonly logger?: Logger;
}

/** The reviews subgraph's ORM: its entity, its committed migrations, its schema. */
export function createReviewsOrm(options: ReviewsOrmOptions): Promise<SubgraphOrm> {
  return createOrm({
    schema: REVIEWS_SCHEMA,
    databaseUrl: options.databaseUrl,
    entities: REVIEWS_ENTITIES,
    migrations: REVIEWS_MIGRATIONS,
    ...(options.poolMax !== undefined ? { poolMax: options.poolMax } : {}),
    ...(options.logger ? { logger: options.logger } : {}),
  });
}
