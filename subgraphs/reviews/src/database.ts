import { createEventEntities } from '@techally/events';
import { createOrm, type Logger, type SubgraphOrm } from '@techally/platform';
import { Purchase } from './purchase/purchase.entity';
import { Review } from './review/review.entity';

/** The Postgres schema this subgraph owns; nothing else reads or writes it (README.md, Design decisions). */
export const REVIEWS_SCHEMA = 'reviews';

/** The subgraph's own entities, and the event tables: the inbox (the purchases consumer), the outbox (rating changes). */
export const REVIEWS_ENTITIES = [Review, Purchase, ...createEventEntities()];

/** Schema-qualified table names, for the statements written in SQL (window functions, aggregates). */
export const TABLES = {
  review: `"${REVIEWS_SCHEMA}"."review"`,
  purchase: `"${REVIEWS_SCHEMA}"."purchase"`,
} as const;

export interface ReviewsOrmOptions {
  readonly databaseUrl: string;
  readonly poolMax?: number;
  readonly logger?: Logger;
}

/** The reviews subgraph's ORM: its entities, its committed migrations, its schema. */
export function createReviewsOrm(options: ReviewsOrmOptions): Promise<SubgraphOrm> {
  return createOrm({
    schema: REVIEWS_SCHEMA,
    databaseUrl: options.databaseUrl,
    entities: REVIEWS_ENTITIES,
    migrations: () => import('./migrations/index.js').then((module) => module.REVIEWS_MIGRATIONS),
    ...(options.poolMax !== undefined ? { poolMax: options.poolMax } : {}),
    ...(options.logger ? { logger: options.logger } : {}),
  });
}
