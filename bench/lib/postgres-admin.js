'use strict';
// One administrative statement (create / drop a bench's database) on the PostgreSQL server at `serverUrl`.
const { Client } = require('pg');

async function adminQuery(serverUrl, sql) {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

module.exports = { adminQuery };
