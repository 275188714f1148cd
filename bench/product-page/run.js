#!/usr/bin/env node
// bench/product-page: the storefront's product listing driven through the gateway at 50 connections against
// the real PostgreSQL, and the products-only part of it sent through the gateway and straight to the products
// subgraph, side by side in one run. Prints RPS, p50 and p99 and writes bench/results/product-page-<date>.json.
//
//   pnpm build && node bench/product-page/run.js        (DATABASE_URL defaults to the local server)
//   DURATION=30 CONNECTIONS=50 node bench/product-page/run.js
'use strict';
const { mkdirSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const autocannon = require('autocannon');
const { Client } = require('pg');
const { deleteRedisKeys } = require('../lib/redis-keys');
const { spawnSupergraph } = require('../lib/supergraph-child');

const SERVER_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const DURATION = Number(process.env.DURATION ?? 20);
const CONNECTIONS = Number(process.env.CONNECTIONS ?? 50);
const PORT = 15000;
const GATEWAY = `http://127.0.0.1:${PORT}/graphql`;
const PRODUCTS = `http://127.0.0.1:${PORT + 2}/graphql`;

const FULL_LISTING = `{ products(first: 20) { totalCount edges { node { id name slug price { formatted }
  category { name } inStock inventory { available } rating { average count } } } } }`;
const PRODUCTS_ONLY = `{ products(first: 20) { totalCount edges { node { id name slug price { formatted } category { name } } } } }`;

const SCENARIOS = [
  { name: 'gateway: storefront listing (products + inventory + reviews)', url: GATEWAY, query: FULL_LISTING },
  { name: 'gateway: products-only listing', url: GATEWAY, query: PRODUCTS_ONLY },
  { name: 'products subgraph directly: same products-only listing', url: PRODUCTS, query: PRODUCTS_ONLY },
];

async function admin(sql) {
  const client = new Client({ connectionString: SERVER_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function waitUntilServing(child) {
  for (let attempt = 0; attempt < 240; attempt++) {
    if (child.exitCode !== null) throw new Error(`the supergraph exited with code ${child.exitCode}`);
    try {
      const response = await post(GATEWAY, PRODUCTS_ONLY);
      if (response.data?.products?.edges?.length === 20) return;
    } catch {
      // not listening yet
    }
    await new Promise((done) => setTimeout(done, 500));
  }
  throw new Error('the supergraph did not answer within 120 s');
}

async function post(url, query) {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
  return response.json();
}

function load(scenario, duration) {
  return autocannon({
    url: scenario.url,
    method: 'POST',
    connections: CONNECTIONS,
    duration,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: scenario.query }),
  });
}

async function main() {
  const database = `techally_bench_${Date.now().toString(36)}`;
  const url = new URL(SERVER_URL);
  url.pathname = `/${database}`;
  await admin(`create database "${database}"`);
  // The gateway's response cache is off here unless asked (RESPONSE_CACHE=on): these figures are the cost of a
  // computed answer; bench/product-page/cache.js puts the cache off and on side by side.
  const child = spawnSupergraph({ port: PORT, databaseUrl: url.toString(), keyPrefix: database, env: { RESPONSE_CACHE: process.env.RESPONSE_CACHE ?? 'off' } });
  try {
    await waitUntilServing(child);
    const results = [];
    for (const scenario of SCENARIOS) {
      const check = await post(scenario.url, scenario.query);
      if (check.errors) throw new Error(`${scenario.name}: ${JSON.stringify(check.errors)}`);
      await load(scenario, 3); // warm-up: JIT, pools, caches
      const result = await load(scenario, DURATION);
      const row = {
        scenario: scenario.name,
        rps: Math.round(result.requests.average),
        p50Ms: result.latency.p50,
        p99Ms: result.latency.p99,
        requests: result.requests.total,
        errors: result.errors + result.non2xx,
      };
      results.push(row);
      console.log(`${row.scenario.padEnd(62)} ${String(row.rps).padStart(6)} req/s   p50 ${String(row.p50Ms).padStart(4)} ms   p99 ${String(row.p99Ms).padStart(4)} ms   errors ${row.errors}`);
    }
    const report = {
      date: new Date().toISOString(),
      machine: `${require('node:os').cpus().length} cores, node ${process.version}`,
      connections: CONNECTIONS,
      durationSeconds: DURATION,
      shape: 'embedded launcher process (gateway + 6 subgraphs, one process) on the real PostgreSQL; autocannon in this process',
      results,
    };
    mkdirSync(join(__dirname, '../results'), { recursive: true });
    const file = join(__dirname, `../results/product-page-${report.date.slice(0, 10)}.json`);
    writeFileSync(file, JSON.stringify(report, null, 2) + '\n');
    console.log(`\nwritten to ${file}`);
  } finally {
    child.kill('SIGTERM');
    await new Promise((done) => child.once('exit', done));
    await admin(`drop database if exists "${database}" with (force)`);
    if (process.env.REDIS_URL) await deleteRedisKeys(process.env.REDIS_URL, database).catch((error) => console.error(`could not delete the Redis keys under ${database}: ${error}`));
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
