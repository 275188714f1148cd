import type { AnyEntity, EntityClass, MigrationObject } from '@mikro-orm/core';
import { createOrm, migrate } from '@techally/platform';
import { createTestDatabase } from './test-database';

export interface NextMigrationOptions {
  readonly schema: string;
  readonly entities: ReadonlyArray<EntityClass<AnyEntity>>;
  /** The committed migrations, which are applied first. */
  readonly migrations: ReadonlyArray<MigrationObject>;
  /** The subgraph's src/migrations directory. */
  readonly directory: string;
  readonly name?: string;
}

/**
 * Developer tooling behind each subgraph's `scripts/create-migration.js`: writes the next migration, generated
 * by MikroORM's migrator from the difference between the entities and a throw-away database holding every
 * committed migration, so the diff never depends on anyone's development database. Returns the file name, or
 * null when entities and migrations already agree.
 */
export async function writeNextMigration(options: NextMigrationOptions): Promise<string | null> {
  const database = await createTestDatabase();
  const orm = await createOrm({
    schema: options.schema,
    databaseUrl: database.url,
    entities: options.entities,
    migrations: options.migrations,
    poolMax: database.poolMax,
  });
  try {
    await migrate(orm);
    const initial = options.migrations.length === 0;
    const result = await orm.getMigrator().createMigration(options.directory, false, initial, options.name);
    return result.fileName || null;
  } finally {
    await orm.close();
    await database.drop();
  }
}
