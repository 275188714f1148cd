import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261126063410_initial_inventory } from './Migration20261126063410_initial_inventory';
import { Migration20261126082527_checkout_saga } from './Migration20261126082527_checkout_saga';

/**
 * Every committed migration, oldest first. Listed explicitly (not discovered from the folder) so the compiled
 * service and the tests run exactly the same list. `scripts/create-migration.js` writes new ones; add each here.
 */
export const INVENTORY_MIGRATIONS: ReadonlyArray<MigrationObject> = [
  { name: 'Migration20261126063410_initial_inventory', class: Migration20261126063410_initial_inventory },
  { name: 'Migration20261126082527_checkout_saga', class: Migration20261126082527_checkout_saga },
];
