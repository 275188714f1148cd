'use strict';
// Shared by the benches: one statement on the PostgreSQL server as its admin (create / drop a bench database).
const { Client } = require('pg');

async function adminSql(serverUrl, sql) {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

module.exports = { adminSql };
