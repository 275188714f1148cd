import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261126063416_initial_reviews } from './Migration20261126063416_initial_reviews';
import { Migration20261126082459_events_and_purchases } from './Migration20261126082459_events_and_purchases';

/**
 * Every committed migration, oldest first. Listed explicitly (not discovered from the folder) so the compiled
 * service and the tests run exactly the same list. `scripts/create-migration.js` writes new ones; add each here.
 */
export const REVIEWS_MIGRATIONS: ReadonlyArray<MigrationObject> = [
  { name: 'Migration20261126063416_initial_reviews', class: Migration20261126063416_initial_reviews },
  { name: 'Migration20261126082459_events_and_purchases', class: Migration20261126082459_events_and_purchases },
];
