#!/usr/bin/env node
// Generates the next migration of the users subgraph with MikroORM's migrator (`createMigration`): the
// difference between the entities and the schema the committed migrations build, computed on a throw-away
// database (createTestDatabase: DATABASE_URL's server when set, otherwise an in-memory PGlite).
//
//   npx tsc -b subgraphs/users packages/testing && node subgraphs/users/scripts/generate-migration.js <name>
//
// The generated class extends our ./migration.base (see why there); the script swaps that one import.
// Afterwards: read the SQL, add the class to src/migrations/index.ts, run the schema test.
'use strict';
const { readFileSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { createOrm, migrate } = require('@techally/platform');
const { createTestDatabase } = require('@techally/testing');
const { USERS_ENTITIES } = require('../dist/entities');
const { USERS_MIGRATIONS } = require('../dist/migrations');

const MIGRATIONS_DIR = join(__dirname, '..', 'src', 'migrations');

async function main() {
  // The name becomes part of a class name.
  const name = process.argv[2]?.replace(/\W/g, '_');
  if (!name) throw new Error('usage: generate-migration.js <name>');
  const database = await createTestDatabase();
  const orm = await createOrm({
    schema: 'users',
    databaseUrl: database.url,
    entities: USERS_ENTITIES,
    migrations: USERS_MIGRATIONS,
    poolMax: database.poolMax,
  });
  try {
    await migrate(orm);
    const initial = USERS_MIGRATIONS.length === 0;
    const result = await orm.getMigrator().createMigration(MIGRATIONS_DIR, false, initial, name);
    if (!result.fileName) {
      console.log('entities and migrations agree; nothing to generate');
      return;
    }
    const file = join(MIGRATIONS_DIR, result.fileName);
    const code = readFileSync(file, 'utf8').replace(
      "import { Migration } from '@mikro-orm/migrations';",
      "import { Migration } from './migration.base';",
    );
    writeFileSync(file, code);
    console.log(`wrote ${file}`);
  } finally {
    await orm.close();
    await database.drop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
