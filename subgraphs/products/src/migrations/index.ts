import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261126054912_initial } from './Migration20261126054912_initial';
import { Migration20261207000500_catalog_events } from './Migration20261207000500_catalog_events';

/**
 * Every committed migration, oldest first. Listed explicitly (not discovered from the folder) so the compiled
 * service and the tests run exactly the same list. `scripts/create-migration.js` writes new ones; add each here.
 */
export const PRODUCTS_MIGRATIONS: ReadonlyArray<MigrationObject> = [
  { name: 'Migration20261126054912_initial', class: Migration20261126054912_initial },
  { name: 'Migration20261207000500_catalog_events', class: Migration20261207000500_catalog_events },
];
