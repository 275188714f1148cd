import { createEventEntities } from '@techally/events';
import { createOrm, type Logger, type SubgraphOrm } from '@techally/platform';
import { OrderItem } from './order/order-item.entity';
import { OrderStatusChange } from './order/order-status-change.entity';
import { Order } from './order/order.entity';
import { ShippingAddressSnapshot } from './order/shipping-address.embeddable';

/** The Postgres schema this subgraph owns; nothing else reads or writes it (README.md, Design decisions). */
export const ORDERS_SCHEMA = 'orders';

export const ORDERS_ENTITIES = [Order, OrderItem, OrderStatusChange, ShippingAddressSnapshot];

/**
 * Everything the orders ORM maps: its own entities and the event tables (outbox, inbox). Fresh event schemas on
 * every call: MikroORM decorates them per ORM (see `createEventEntities`).
 */
export function ordersEntities() {
  return [...ORDERS_ENTITIES, ...createEventEntities()];
}

/** Schema-qualified table names, for the few statements written in SQL. */
export const TABLES = {
  order: `"${ORDERS_SCHEMA}"."order"`,
  orderItem: `"${ORDERS_SCHEMA}"."order_item"`,
  orderStatusChange: `"${ORDERS_SCHEMA}"."order_status_change"`,
} as const;

export interface OrdersOrmOptions {
  readonly databaseUrl: string;
  readonly poolMax?: number;
  readonly logger?: Logger;
}

/** The orders subgraph's ORM: its entities and event tables, its committed migrations, its schema. */
export function createOrdersOrm(options: OrdersOrmOptions): Promise<SubgraphOrm> {
  return createOrm({
    schema: ORDERS_SCHEMA,
    databaseUrl: options.databaseUrl,
    entities: ordersEntities(),
    migrations: () => import('./migrations/index.js').then((module) => module.ORDERS_MIGRATIONS),
    ...(options.poolMax !== undefined ? { poolMax: options.poolMax } : {}),
    ...(options.logger ? { logger: options.logger } : {}),
  });
}
