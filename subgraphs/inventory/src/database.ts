import { createOrm, type Logger, type SubgraphOrm } from '@techally/platform';
import { INVENTORY_MIGRATIONS } from './migrations';
import { StockAdjustment } from './stock/stock-adjustment.entity';
import { StockLevel } from './stock/stock-level.entity';
import { Warehouse } from './warehouse/warehouse.entity';

/** The Postgres schema this subgraph owns; nothing else reads or writes it (DESIGN.md §3). */
export const INVENTORY_SCHEMA = 'inventory';

export const INVENTORY_ENTITIES = [Warehouse, StockLevel, StockAdjustment];

/** Schema-qualified table names, for the statements written in SQL (the atomic stock upsert). */
export const TABLES = {
  warehouse: `"${INVENTORY_SCHEMA}"."warehouse"`,
  stockLevel: `"${INVENTORY_SCHEMA}"."stock_level"`,
  stockAdjustment: `"${INVENTORY_SCHEMA}"."stock_adjustment"`,
} as const;

export interface InventoryOrmOptions {
  readonly databaseUrl: string;
  readonly poolMax?: number;
  readonly logger?: Logger;
}

/** The inventory subgraph's ORM: its entities, its committed migrations, its schema. */
export function createInventoryOrm(options: InventoryOrmOptions): Promise<SubgraphOrm> {
  return createOrm({
    schema: INVENTORY_SCHEMA,
    databaseUrl: options.databaseUrl,
    entities: INVENTORY_ENTITIES,
    migrations: INVENTORY_MIGRATIONS,
    ...(options.poolMax !== undefined ? { poolMax: options.poolMax } : {}),
    ...(options.logger ? { logger: options.logger } : {}),
  });
}
