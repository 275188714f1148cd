import { createEventEntities } from '@techally/events';
import { createOrm, type Logger, type SubgraphOrm } from '@techally/platform';
import { Category } from './category/category.entity';
import { Product } from './product/product.entity';

/** The Postgres schema this subgraph owns; nothing else reads or writes it (README.md, Design decisions). */
export const PRODUCTS_SCHEMA = 'products';

/** The subgraph's own entities and the event tables (outbox, inbox) in its schema. */
export const PRODUCTS_ENTITIES = [Category, Product, ...createEventEntities()];

/** Schema-qualified table names, for the few statements written in SQL (recursive category trees). */
export const TABLES = {
  category: `"${PRODUCTS_SCHEMA}"."category"`,
  product: `"${PRODUCTS_SCHEMA}"."product"`,
} as const;

export interface ProductsOrmOptions {
  readonly databaseUrl: string;
  readonly poolMax?: number;
  readonly logger?: Logger;
}

/** The products subgraph's ORM: its entities, its committed migrations, its schema. */
export function createProductsOrm(options: ProductsOrmOptions): Promise<SubgraphOrm> {
  return createOrm({
    schema: PRODUCTS_SCHEMA,
    databaseUrl: options.databaseUrl,
    entities: PRODUCTS_ENTITIES,
    migrations: () => import('./migrations/index.js').then((module) => module.PRODUCTS_MIGRATIONS),
    ...(options.poolMax !== undefined ? { poolMax: options.poolMax } : {}),
    ...(options.logger ? { logger: options.logger } : {}),
  });
}
