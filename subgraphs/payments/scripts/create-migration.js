#!/usr/bin/env node
// Writes the next migration of the payments schema into src/migrations/ (see writeNextMigration in
// packages/testing): MikroORM's diff between the entities and a throw-away database holding every committed
// migration. Then read the SQL and add the class to src/migrations/index.ts.
//
//   pnpm build && node subgraphs/payments/scripts/create-migration.js [name]
'use strict';
const { join } = require('node:path');
const { writeNextMigration } = require('@techally/testing');
// The event tables' entities too: without them the diff would drop the outbox and the inbox.
const { paymentsEntities } = require('../dist/database');
const { PAYMENTS_MIGRATIONS } = require('../dist/migrations');

writeNextMigration({
  schema: 'payments',
  entities: paymentsEntities(),
  migrations: PAYMENTS_MIGRATIONS,
  directory: join(__dirname, '../src/migrations'),
  name: process.argv[2],
}).then(
  (fileName) => console.log(fileName ? `wrote src/migrations/${fileName}` : 'entities and migrations agree: nothing to write'),
  (error) => {
    console.error(error);
    process.exitCode = 1;
  },
);
