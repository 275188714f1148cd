#!/usr/bin/env node
// bench/search (issue #13): the search subgraph on a catalogue of 100,000 products. On a fresh database of its
// own it starts the supergraph (embedded shape by default; SHAPE as every bench), adds PRODUCTS generated products
// (demo-data's assortments with variations: bench/search/catalog.js) — to the products subgraph's table (so the
// gateway resolves them) and to the search index through the search backend's own writes (`upsertProducts`,
// `recordStock`, `recordRating`, in batches and in the bootstrap's order: the path the catalogue consumer and the
// bootstrap take), timing the
// indexing — then sends a fixed mix of QUERIES queries (bench/search/queries.js: words, phrases, typos, filters,
// facets, sorts, a category browsed, suggestions) one at a time, first to the search subgraph directly and then
// through the gateway (ids → products resolved by the products subgraph), and prints p50 / p95 / p99 per kind and
// overall. Writes bench/results/search-<date>[-services].json and drops its database.
//
//   pnpm build && node bench/search/run.js        (DATABASE_URL: the server, default the local one)
//   PRODUCTS=20000 QUERIES=300 node bench/search/run.js
//   PROFILE=1 node bench/search/run.js            (V8's CPU profile of the supergraph over the subgraph pass,
//                                                 summarised; embedded shape; PROFILE_DIR keeps the .cpuprofile)
//   KEEP_DATABASE=1 …                             (leave the database for psql; its name is printed)
//   POOL_MAX=10 …                                 (connections per service pool; default 3: queries go one at a time)
'use strict';
const { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } = require('node:fs');
const { cpus, loadavg, tmpdir } = require('node:os');
const { join } = require('node:path');
const { performance } = require('node:perf_hooks');
const { Client } = require('pg');
const { adminSql } = require('../lib/admin-sql');
const { ROOT, benchShape, spawnSupergraph } = require('../lib/supergraph-child');
const { summariseProfile } = require('../subscriptions/profile-summary');
const { generateProducts, categoryPaths } = require('./catalog');
const { MIX, buildQueryMix, searchDocument, suggestDocument } = require('./queries');

const SERVER_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const PRODUCTS = Number(process.env.PRODUCTS ?? 100_000);
const QUERIES = Number(process.env.QUERIES ?? 1_000);
/** Queries sent before each measured pass (not counted), so both start warm. */
const WARMUP = Number(process.env.WARMUP ?? 100);
const BATCH = 1_000;
const PORT = Number(process.env.PORT ?? 16000);
/** The search subgraph's port: after the gateway's /metrics (PORT + 7). */
const SEARCH_PORT = PORT + 8;
const PROFILE = process.env.PROFILE === '1';
const TARGET_P95_MS = 50;

function databaseUrlOf(name) {
  const url = new URL(SERVER_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function latencySummary(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const round = (value) => Math.round(value * 10) / 10;
  return { n: sorted.length, p50: round(percentile(sorted, 50)), p95: round(percentile(sorted, 95)), p99: round(percentile(sorted, 99)), max: round(sorted.at(-1) ?? NaN) };
}

/** Inserts the products subgraph's rows (not timed: the catalogue the gateway resolves ids against). */
async function insertCatalogRows(databaseUrl, products) {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    for (let start = 0; start < products.length; start += 5_000) {
      const rows = products.slice(start, start + 5_000).map((product) => product.row);
      await client.query(
        `insert into products.product (id, sku, name, slug, description, price_amount, currency, weight_grams, category_id, status, created_at, updated_at)
         select * from jsonb_to_recordset($1::jsonb) as r(id uuid, sku varchar, name varchar, slug varchar, description text,
           price_amount int, currency char(3), weight_grams int, category_id uuid, status text, created_at timestamptz, updated_at timestamptz)`,
        [JSON.stringify(rows)],
      );
    }
  } finally {
    await client.end();
  }
}

/** Indexes through the search backend's writes, BATCH documents a statement; returns the seconds it took. */
async function indexProducts(databaseUrl, products) {
  const { createSearchOrm, PostgresSearchBackend } = require('@techally/search');
  const orm = await createSearchOrm({ databaseUrl, poolMax: 2 });
  try {
    const backend = new PostgresSearchBackend(orm);
    const started = process.hrtime.bigint();
    for (let start = 0; start < products.length; start += BATCH) {
      const batch = products.slice(start, start + BATCH);
      // In the bootstrap's order (catalog-bootstrap.ts): stock and ratings, then the documents.
      await backend.recordStock(batch.map((product) => product.stock));
      await backend.recordRating(batch.map((product) => product.rating).filter(Boolean));
      await backend.upsertProducts(batch.map((product) => product.document));
      if ((start / BATCH) % 20 === 19) process.stdout.write(`  indexed ${start + BATCH}\n`);
    }
    const writeSeconds = Number(process.hrtime.bigint() - started) / 1e9;
    // What autovacuum does shortly after such a load: the dead row versions' space reused, the planner's
    // statistics of the new rows.
    const analyzeStarted = process.hrtime.bigint();
    await orm.em.getConnection().execute('vacuum (analyze) search.product, search.vocabulary', [], 'run');
    const analyzeSeconds = Number(process.hrtime.bigint() - analyzeStarted) / 1e9;
    const [{ size }] = await orm.em.getConnection().execute(`select pg_size_pretty(pg_total_relation_size('search.product')) as size`);
    return { writeSeconds, analyzeSeconds, size };
  } finally {
    await orm.close(true);
  }
}

async function post(url, query, variables) {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  const body = await response.json();
  return { status: response.status, body };
}

/** Sends every query one at a time to `url`; latency per query in ms, and the failures. */
async function runPass(label, url, node, queries) {
  const documents = { search: searchDocument(node, false), searchWithSummary: searchDocument(node, true), suggest: suggestDocument(node) };
  const send = (query) => post(url, documents[query.document], query.variables);
  for (const query of queries.slice(0, WARMUP)) await send(query);
  const latencies = [];
  const failures = [];
  let hits = 0;
  let corrected = 0;
  const started = Date.now();
  for (const query of queries) {
    const before = performance.now();
    const { status, body } = await send(query);
    const ms = performance.now() - before;
    latencies.push({ kind: query.kind, ms, query });
    if (status !== 200 || body.errors) failures.push({ query, status, errors: body.errors?.map((error) => error.message) });
    const found = body.data?.searchProducts?.edges?.length ?? body.data?.suggestProducts?.length ?? 0;
    if (found > 0) hits++;
    if (body.data?.searchProducts?.didYouMean) corrected++;
  }
  const seconds = (Date.now() - started) / 1000;
  const byKind = Object.fromEntries(MIX.map(([kind]) => [kind, latencySummary(latencies.filter((entry) => entry.kind === kind).map((entry) => entry.ms))]));
  const overall = latencySummary(latencies.map((entry) => entry.ms));
  console.log(`\n${label}: ${queries.length} queries in ${seconds.toFixed(1)} s, ${hits} with results, ${corrected} corrected, ${failures.length} failed`);
  console.log('  kind        n    p50     p95     p99     max (ms)');
  for (const [kind, summary] of [...Object.entries(byKind), ['ALL', overall]]) {
    console.log(`  ${kind.padEnd(9)} ${String(summary.n).padStart(4)} ${[summary.p50, summary.p95, summary.p99, summary.max].map((v) => String(v).padStart(7)).join(' ')}`);
  }
  for (const failure of failures.slice(0, 5)) console.log(`  FAILED ${JSON.stringify(failure)}`);
  const slowest = [...latencies].sort((a, b) => b.ms - a.ms).slice(0, 10).map((entry) => ({ ms: Math.round(entry.ms), kind: entry.kind, variables: entry.query.variables }));
  return { seconds, hits, corrected, failures: failures.length, overall, byKind, slowest };
}

function loadAverage() {
  return loadavg().map((value) => Math.round(value * 100) / 100);
}

async function main() {
  const { label, shape } = benchShape();
  if (PROFILE && shape !== 'embedded') throw new Error('PROFILE=1 profiles the embedded shape (one process)');
  const name = `bench_search_${Date.now()}`;
  const databaseUrl = databaseUrlOf(name);
  console.log(`bench/search: ${PRODUCTS} products, ${QUERIES} queries one at a time (+${WARMUP} warm-up), ${label}, ${cpus().length} cores, load average ${loadAverage().join(' ')}`);
  console.log(`database ${name}`);
  await adminSql(SERVER_URL, `create database "${name}"`);
  const profileDir = PROFILE ? (process.env.PROFILE_DIR ?? mkdtempSync(join(tmpdir(), 'bench-search-profile-'))) : null;
  let supergraph = null;
  try {
    const loadBefore = loadAverage();
    const catalogStarted = Date.now();
    const products = generateProducts(PRODUCTS);
    const { categories } = categoryPaths();
    const queries = buildQueryMix(QUERIES, products, categories);
    console.log(`generated ${products.length} products in ${((Date.now() - catalogStarted) / 1000).toFixed(1)} s`);

    supergraph = spawnSupergraph({
      port: PORT,
      databaseUrl,
      keyPrefix: `bench-search-${process.pid}`,
      // Queries go one at a time: a few connections a service are plenty, and the server is shared.
      env: { SEARCH_PORT: String(SEARCH_PORT), DATABASE_POOL_MAX: process.env.POOL_MAX ?? '3' },
      nodeArgs: PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [],
    });
    await supergraph.ready;
    console.log('supergraph ready (demo catalogue seeded and indexed)');

    const rowsStarted = Date.now();
    await insertCatalogRows(databaseUrl, products);
    console.log(`products subgraph rows inserted in ${((Date.now() - rowsStarted) / 1000).toFixed(1)} s (not part of indexing)`);
    const indexing = await indexProducts(databaseUrl, products);
    console.log(
      `indexing: ${products.length} products in ${indexing.writeSeconds.toFixed(1)} s (${Math.round(products.length / indexing.writeSeconds)} products/s, batches of ${BATCH}: stock + rating + documents), vacuum (analyze) ${indexing.analyzeSeconds.toFixed(1)} s; search.product ${indexing.size}`,
    );

    const loadAtQueries = loadAverage();
    const subgraph = await runPass(`search subgraph directly (:${SEARCH_PORT})`, `http://127.0.0.1:${SEARCH_PORT}/graphql`, 'id', queries);
    const gateway = await runPass(`through the gateway (:${PORT}, products resolved)`, `http://127.0.0.1:${PORT}/graphql`, 'id name slug price { formatted }', queries);
    const loadAfter = loadAverage();
    console.log(`\nsubgraph p95 ${subgraph.overall.p95} ms: target < ${TARGET_P95_MS} ms ${subgraph.overall.p95 < TARGET_P95_MS ? 'met' : 'NOT met'}`);
    console.log(`load average: before ${loadBefore.join(' ')}, at the queries ${loadAtQueries.join(' ')}, after ${loadAfter.join(' ')}`);

    const { pid } = supergraph;
    await supergraph.stop();
    supergraph = null;
    let profile = null;
    if (profileDir) {
      // --cpu-prof names the file after the process: this run's, not a previous one's left in PROFILE_DIR.
      const file = readdirSync(profileDir).find((entry) => entry.endsWith(`.${pid}.0.001.cpuprofile`));
      if (file) {
        profile = summariseProfile(JSON.parse(readFileSync(join(profileDir, file), 'utf8')), 20);
        console.log(`\nCPU profile of the supergraph process (whole run after start: indexing reads, both passes): ${join(profileDir, file)}`);
        console.log(JSON.stringify(profile, null, 1).slice(0, 4_000));
      }
    }

    const results = {
      date: new Date().toISOString(),
      shape,
      cores: cpus().length,
      products: PRODUCTS,
      queries: QUERIES,
      loadAverage: { before: loadBefore, atQueries: loadAtQueries, after: loadAfter },
      indexing,
      subgraph,
      gateway,
      profile,
    };
    mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
    const stamp = new Date().toISOString().slice(0, 19).replace(/[-:]/g, '');
    const file = join(ROOT, `bench/results/search-${stamp}${shape === 'services' ? '-services' : ''}.json`);
    writeFileSync(file, `${JSON.stringify(results, null, 1)}\n`);
    console.log(`\nwrote ${file}`);
  } finally {
    if (supergraph) await supergraph.stop().catch((error) => console.error(`stopping the supergraph: ${error}`));
    if (process.env.KEEP_DATABASE === '1') console.log(`kept database ${name}`);
    else await adminSql(SERVER_URL, `drop database if exists "${name}" with (force)`).catch((error) => console.error(`could not drop ${name}: ${error}`));
    if (profileDir && !process.env.PROFILE_DIR) rmSync(profileDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
