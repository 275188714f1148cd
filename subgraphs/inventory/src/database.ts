import { createOrm, type Logger, type SubgraphOrm } from '@techally/platform';
import { createEventEntities } from '@techally/events';
import { StockReservationLine } from './reservation/stock-reservation-line.entity';
import { StockReservation } from './reservation/stock-reservation.entity';
import { StockAdjustment } from './stock/stock-adjustment.entity';
import { StockLevel } from './stock/stock-level.entity';
import { Warehouse } from './warehouse/warehouse.entity';

/** The Postgres schema this subgraph owns; nothing else reads or writes it (README.md, Design decisions). */
export const INVENTORY_SCHEMA = 'inventory';

/** The subgraph's own entities and the event tables (outbox, inbox) in its schema. */
export const INVENTORY_ENTITIES = [
  Warehouse,
  StockLevel,
  StockAdjustment,
  StockReservation,
  StockReservationLine,
  ...createEventEntities(),
];

/** Schema-qualified table names, for the statements written in SQL (the atomic stock upsert, reservations). */
export const TABLES = {
  warehouse: `"${INVENTORY_SCHEMA}"."warehouse"`,
  stockLevel: `"${INVENTORY_SCHEMA}"."stock_level"`,
  stockAdjustment: `"${INVENTORY_SCHEMA}"."stock_adjustment"`,
  stockReservation: `"${INVENTORY_SCHEMA}"."stock_reservation"`,
  stockReservationLine: `"${INVENTORY_SCHEMA}"."stock_reservation_line"`,
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
    migrations: () => import('./migrations/index.js').then((module) => module.INVENTORY_MIGRATIONS),
    ...(options.poolMax !== undefined ? { poolMax: options.poolMax } : {}),
    ...(options.logger ? { logger: options.logger } : {}),
  });
}
