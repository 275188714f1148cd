import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261126054952_initial_users } from './Migration20261126054952_initial_users';
import { Migration20261206120657_login_throttling } from './Migration20261206120657_login_throttling';
import { Migration20261207031934_api_keys } from './Migration20261207031934_api_keys';
import { Migration20261207150000_events } from './Migration20261207150000_events';

/**
 * The committed migrations, oldest first. Listed explicitly (not discovered from the file system) so the
 * compiled service and the tests run exactly the same list. New ones come from scripts/generate-migration.js.
 */
export const USERS_MIGRATIONS: MigrationObject[] = [
  { name: 'Migration20261126054952_initial_users', class: Migration20261126054952_initial_users },
  { name: 'Migration20261206120657_login_throttling', class: Migration20261206120657_login_throttling },
  { name: 'Migration20261207031934_api_keys', class: Migration20261207031934_api_keys },
  { name: 'Migration20261207150000_events', class: Migration20261207150000_events },
];
