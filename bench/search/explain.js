#!/usr/bin/env node
// bench/search/explain.js: EXPLAIN (ANALYZE, BUFFERS) of the statements the PostgreSQL search backend sends for
// one request of each shape, on a database bench/search/run.js left (KEEP_DATABASE=1). The backend builds its SQL
// as in the subgraph (its own code, through an executor that explains each statement, then runs it so the
// request continues: a typo's correction and retry are explained too).
//
//   KEEP_DATABASE=1 node bench/search/run.js     (prints "kept database bench_search_…")
//   SEARCH_DATABASE=bench_search_… node bench/search/explain.js [--summary]   (--summary: timings only)
//   … then drop it: psql -c 'drop database bench_search_…'
'use strict';
const { Client } = require('pg');

const SERVER_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const SUMMARY_ONLY = process.argv.includes('--summary');

/** knex's `?` placeholders as pg's `$n`. */
function numbered(sql) {
  let index = 0;
  return sql.replace(/\?/g, () => `$${++index}`);
}

function explainingExecutor(client, log) {
  return {
    async execute(sql, params = []) {
      const text = numbered(sql);
      const plan = await client.query(`explain (analyze, buffers) ${text}`, params);
      const lines = plan.rows.map((row) => row['QUERY PLAN']);
      log.push({ sql: text.replace(/\s+/g, ' ').slice(0, 300), lines });
      return (await client.query(text, params)).rows;
    },
  };
}

async function main() {
  const name = process.env.SEARCH_DATABASE;
  if (!name) throw new Error('SEARCH_DATABASE: the database bench/search/run.js kept (KEEP_DATABASE=1)');
  const url = new URL(SERVER_URL);
  url.pathname = `/${name}`;
  const client = new Client({ connectionString: url.toString() });
  await client.connect();
  const { PostgresSearchBackend } = require('@techally/search');
  const [{ category }] = (await client.query(`select category_id as category from search.product where status = 'ACTIVE' group by 1 order by count(*) desc limit 1`)).rows;
  const [{ parent }] = (await client.query(`select category_path[1] as parent from search.product where category_id = $1 limit 1`, [category])).rows;
  const search = (query, extra = {}) => ({ query, filter: {}, sort: 'RELEVANCE', first: 20, after: null, ...extra });
  const cases = [
    ['word (common, description), relevance', (b) => b.search(search('wireless'))],
    ['word (common, category), relevance', (b) => b.search(search('headphones'))],
    ['word (rare), relevance', (b) => b.search(search('kask'))],
    ['phrase', (b) => b.search(search('"noise cancelling"'))],
    ['two words', (b) => b.search(search('wireless black'))],
    ['typo', (b) => b.search(search('hedphones'))],
    ['word + price sort', (b) => b.search(search('wireless', { sort: 'PRICE_ASC' }))],
    ['word + newest', (b) => b.search(search('wireless', { sort: 'NEWEST' }))],
    ['word + rating sort', (b) => b.search(search('wireless', { sort: 'RATING' }))],
    ['word + category filter', (b) => b.search(search('pro', { filter: { categoryId: parent } }))],
    ['word + price band', (b) => b.search(search('pro', { filter: { minPrice: 5_000, maxPrice: 25_000 } }))],
    ['word + minRating', (b) => b.search(search('pro', { filter: { minRating: 4.5 } }))],
    ['facets (common word)', (b) => b.summarize({ query: 'wireless', filter: {} })],
    ['facets (no text, category)', (b) => b.summarize({ query: null, filter: { categoryId: parent } })],
    ['browse category, newest', (b) => b.search(search(null, { sort: 'NEWEST', filter: { categoryId: parent } }))],
    ['browse category, price', (b) => b.search(search(null, { sort: 'PRICE_DESC', filter: { categoryId: category } }))],
    ['suggest 2 letters', (b) => b.suggest('st', 8)],
    ['suggest word + prefix', (b) => b.suggest('wireless he', 8)],
    ['suggest typo', (b) => b.suggest('hedph', 8)],
  ];
  try {
    for (const [label, run] of cases) {
      const log = [];
      const backend = new PostgresSearchBackend({ em: { getConnection: () => explainingExecutor(client, log) } });
      // The first statement of a backend detects pg_trgm: leave it out of the report.
      await backend.typoTolerance();
      log.length = 0;
      await run(backend);
      console.log(`\n=== ${label}: ${log.length} statement(s)`);
      for (const entry of log) {
        const timing = entry.lines.filter((line) => /^(Planning|Execution) Time/.test(line)).join(', ');
        console.log(`-- ${timing}   ${entry.sql.slice(0, 160)}`);
        if (!SUMMARY_ONLY) console.log(entry.lines.join('\n'));
      }
    }
  } finally {
    await client.end();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
