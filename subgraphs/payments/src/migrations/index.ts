import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261126063550_initial } from './Migration20261126063550_initial';
import { Migration20261126120000_saga } from './Migration20261126120000_saga';

/**
 * Every committed migration, oldest first. Listed explicitly (not discovered from the folder) so the compiled
 * service and the tests run exactly the same list. `scripts/create-migration.js` writes new ones; add each here.
 */
export const PAYMENTS_MIGRATIONS: ReadonlyArray<MigrationObject> = [
  { name: 'Migration20261126063550_initial', class: Migration20261126063550_initial },
  { name: 'Migration20261126120000_saga', class: Migration20261126120000_saga },
];
