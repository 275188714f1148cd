import { migrate } from '@techally/platform';
import { createTestDatabase } from '@techally/testing';
import { createSearchOrm } from '../../database';
import { PostgresSearchBackend } from '../postgres/postgres-search-backend';
import { describeSearchBackend } from './search-backend.behaviour';

// The shared contract, for real: the committed migrations on a database of this file's own (the machine's
// PostgreSQL with DATABASE_URL, else the worker's embedded PGlite, which offers pg_trgm too).
describeSearchBackend('PostgreSQL', async () => {
  const database = await createTestDatabase();
  const orm = await createSearchOrm({ databaseUrl: database.url, poolMax: database.poolMax });
  await migrate(orm);
  const backend = new PostgresSearchBackend(orm);
  return {
    backend,
    async stop() {
      await orm.close();
      await database.drop();
    },
  };
});
