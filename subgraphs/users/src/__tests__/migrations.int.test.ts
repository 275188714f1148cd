import { createOrm, migrate, type SubgraphOrm } from '@techally/platform';
import { createTestDatabase, type TestDatabase } from '@techally/testing';
import { USERS_ENTITIES } from '../entities';
import { USERS_MIGRATIONS } from '../migrations';

let database: TestDatabase;
let orm: SubgraphOrm;

beforeAll(async () => {
  database = await createTestDatabase();
  orm = await createOrm({
    schema: 'users',
    databaseUrl: database.url,
    entities: USERS_ENTITIES,
    migrations: USERS_MIGRATIONS,
    poolMax: database.poolMax,
  });
});

afterAll(async () => {
  await orm?.close();
  await database?.drop();
});

describe('the committed migrations', () => {
  it('build exactly the schema the entities describe', async () => {
    await migrate(orm);
    const pending = await orm.getSchemaGenerator().getUpdateSchemaSQL({ wrap: false });
    expect(pending).toBe('');
  });

  it('can be applied again without effect', async () => {
    await migrate(orm);
    const executed = await orm.getMigrator().getExecutedMigrations();
    expect(executed.map((migration) => migration.name)).toEqual(USERS_MIGRATIONS.map((migration) => migration.name));
  });
});
