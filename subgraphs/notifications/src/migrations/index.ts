import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261207120000_in_app_notifications } from './Migration20261207120000_in_app_notifications';
import { Migration20261207140000_recipient_directory } from './Migration20261207140000_recipient_directory';
import { Migration20261207160000_delivery_pipeline } from './Migration20261207160000_delivery_pipeline';
import { Migration20261207170000_preferences_and_push } from './Migration20261207170000_preferences_and_push';
import { Migration20261207180000_low_stock_alerts } from './Migration20261207180000_low_stock_alerts';

/**
 * Every committed migration, oldest first. Listed explicitly (not discovered from the folder) so the compiled
 * service and the tests run exactly the same list. Written by hand: the tables are not described by entities.
 */
export const NOTIFICATIONS_MIGRATIONS: ReadonlyArray<MigrationObject> = [
  { name: 'Migration20261207120000_in_app_notifications', class: Migration20261207120000_in_app_notifications },
  { name: 'Migration20261207140000_recipient_directory', class: Migration20261207140000_recipient_directory },
  { name: 'Migration20261207160000_delivery_pipeline', class: Migration20261207160000_delivery_pipeline },
  { name: 'Migration20261207170000_preferences_and_push', class: Migration20261207170000_preferences_and_push },
  { name: 'Migration20261207180000_low_stock_alerts', class: Migration20261207180000_low_stock_alerts },
];
