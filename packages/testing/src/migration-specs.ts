import { migrate, type SubgraphOrm } from '@techally/platform';
import { createTestDatabase, type TestDatabase } from './test-database';

/**
 * A subgraph's ORM on a database of the test file's own, with the committed migrations applied before the
 * tests and everything dropped after. Returns a getter (the ORM exists only once `beforeAll` has run).
 */
export function migratedTestOrm(open: (database: TestDatabase) => Promise<SubgraphOrm>): () => SubgraphOrm {
  let database: TestDatabase | undefined;
  let orm: SubgraphOrm | undefined;
  beforeAll(async () => {
    database = await createTestDatabase();
    orm = await open(database);
    await migrate(orm);
  });
  afterAll(async () => {
    await orm?.close();
    await database?.drop();
  });
  return () => {
    if (!orm) throw new Error('the ORM is opened in beforeAll');
    return orm;
  };
}

/**
 * The two properties every subgraph's migrations must have, as specs: they build exactly the schema the
 * entities describe (so a forgotten migration fails here, not in production), and they are recorded, so
 * starting again applies nothing.
 */
export function itKeepsMigrationsAndEntitiesInStep(orm: () => SubgraphOrm): void {
  it('build exactly the schema the entities describe (no pending difference)', async () => {
    const pending = await orm().getSchemaGenerator().getUpdateSchemaSQL({ wrap: false });
    expect(pending.trim()).toBe('');
  });

  it('are recorded, so a second run applies nothing', async () => {
    const applied = await orm().getMigrator().getExecutedMigrations();
    await migrate(orm());
    expect(await orm().getMigrator().getPendingMigrations()).toEqual([]);
    expect(await orm().getMigrator().getExecutedMigrations()).toHaveLength(applied.length);
  });
}
