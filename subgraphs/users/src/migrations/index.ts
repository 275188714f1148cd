import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261126054952_initial_users } from './Migration20261126054952_initial_users';

/**
 * The committed migrations, oldest first. Listed explicitly (not discovered from the file system) so the
 * compiled service and the tests run exactly the same list. New ones come from scripts/generate-migration.js.
 */
export const USERS_MIGRATIONS: MigrationObject[] = [
  { name: 'Migration20261126054952_initial_users', class: Migration20261126054952_initial_users },
];
