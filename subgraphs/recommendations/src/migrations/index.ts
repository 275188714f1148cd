import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261207160000_co_purchase_counts } from './Migration20261207160000_co_purchase_counts';

/**
 * Every committed migration, oldest first. Listed explicitly (not discovered from the folder) so the compiled
 * service and the tests run exactly the same list. Written by hand: the tables are not described by entities.
 */
export const RECOMMENDATIONS_MIGRATIONS: ReadonlyArray<MigrationObject> = [
  { name: 'Migration20261207160000_co_purchase_counts', class: Migration20261207160000_co_purchase_counts },
];
