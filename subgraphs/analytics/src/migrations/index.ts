import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261207120000_sales_read_model } from './Migration20261207120000_sales_read_model';
import { Migration20261207190000_sales_dimensions } from './Migration20261207190000_sales_dimensions';

/**
 * Every committed migration, oldest first. Listed explicitly (not discovered from the folder) so the compiled
 * service and the tests run exactly the same list. Written by hand: the read model is not described by entities.
 */
export const ANALYTICS_MIGRATIONS: ReadonlyArray<MigrationObject> = [
  { name: 'Migration20261207120000_sales_read_model', class: Migration20261207120000_sales_read_model },
  { name: 'Migration20261207190000_sales_dimensions', class: Migration20261207190000_sales_dimensions },
];
