import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261207060000_search_read_model } from './Migration20261207060000_search_read_model';
import { Migration20261207090000_search_at_scale } from './Migration20261207090000_search_at_scale';

/**
 * Every committed migration, oldest first. Listed explicitly (not discovered from the folder) so the compiled
 * service and the tests run exactly the same list. Written by hand: the read model is not described by entities.
 */
export const SEARCH_MIGRATIONS: ReadonlyArray<MigrationObject> = [
  { name: 'Migration20261207060000_search_read_model', class: Migration20261207060000_search_read_model },
  { name: 'Migration20261207090000_search_at_scale', class: Migration20261207090000_search_at_scale },
];
