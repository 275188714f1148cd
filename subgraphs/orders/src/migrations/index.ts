import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261126063311_initial_orders } from './Migration20261126063311_initial_orders';
import { Migration20261126082505_checkout_saga } from './Migration20261126082505_checkout_saga';

/**
 * Every committed migration, oldest first. Listed explicitly (not discovered from the folder) so the compiled
 * service and the tests run exactly the same list. `scripts/create-migration.js` writes new ones; add each here.
 */
export const ORDERS_MIGRATIONS: ReadonlyArray<MigrationObject> = [
  { name: 'Migration20261126063311_initial_orders', class: Migration20261126063311_initial_orders },
  { name: 'Migration20261126082505_checkout_saga', class: Migration20261126082505_checkout_saga },
];
