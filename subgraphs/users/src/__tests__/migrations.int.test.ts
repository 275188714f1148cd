import { createOrm } from '@techally/platform';
import { itKeepsMigrationsAndEntitiesInStep, migratedTestOrm } from '@techally/testing';
import { USERS_ENTITIES } from '../entities';
import { USERS_MIGRATIONS } from '../migrations';

const orm = migratedTestOrm((database) =>
  createOrm({ schema: 'users', databaseUrl: database.url, entities: USERS_ENTITIES, migrations: USERS_MIGRATIONS, poolMax: database.poolMax }),
);

describe('the committed migrations', () => {
  itKeepsMigrationsAndEntitiesInStep(orm);
});
