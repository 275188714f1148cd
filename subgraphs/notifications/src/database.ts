import { createEventEntities } from '@techally/events';
import { createOrm, type Logger, type SubgraphOrm } from '@techally/platform';
import { NOTIFICATIONS_MIGRATIONS } from './migrations';

/** The Postgres schema this subgraph owns; nothing else reads or writes it (README.md, Design decisions). */
export const NOTIFICATIONS_SCHEMA = 'notifications';

/**
 * The ORM knows only the event tables (the inbox dedupes the order consumer). The notifications and the orders'
 * recipients are plain SQL (`insert … on conflict do nothing` is the once-only rule): their tables are made by
 * the committed migrations alone, and never diffed against entities (README.md, *Owns*).
 */
export const NOTIFICATIONS_ENTITIES = [...createEventEntities()];

/** Schema-qualified table names, for the statements written in SQL. */
export const TABLES = {
  notification: `"${NOTIFICATIONS_SCHEMA}"."notification"`,
  orderRecipient: `"${NOTIFICATIONS_SCHEMA}"."order_recipient"`,
  recipient: `"${NOTIFICATIONS_SCHEMA}"."recipient"`,
  preference: `"${NOTIFICATIONS_SCHEMA}"."notification_preference"`,
  contact: `"${NOTIFICATIONS_SCHEMA}"."notification_contact"`,
  pushSubscription: `"${NOTIFICATIONS_SCHEMA}"."push_subscription"`,
  stockWatch: `"${NOTIFICATIONS_SCHEMA}"."stock_watch"`,
  lowStockThreshold: `"${NOTIFICATIONS_SCHEMA}"."low_stock_threshold"`,
  productLabel: `"${NOTIFICATIONS_SCHEMA}"."product_label"`,
  delivery: `"${NOTIFICATIONS_SCHEMA}"."delivery"`,
} as const;

export interface NotificationsOrmOptions {
  readonly databaseUrl: string;
  readonly poolMax?: number;
  readonly logger?: Logger;
}

/** The notifications subgraph's ORM: the event tables, its committed migrations, its schema. */
export function createNotificationsOrm(options: NotificationsOrmOptions): Promise<SubgraphOrm> {
  return createOrm({
    schema: NOTIFICATIONS_SCHEMA,
    databaseUrl: options.databaseUrl,
    entities: NOTIFICATIONS_ENTITIES,
    migrations: NOTIFICATIONS_MIGRATIONS,
    ...(options.poolMax !== undefined ? { poolMax: options.poolMax } : {}),
    ...(options.logger ? { logger: options.logger } : {}),
  });
}
