import type { MigrationObject } from '@mikro-orm/core';

export const PAYMENTS_MIGRATIONS: ReadonlyArray<MigrationObject> = [];
