#!/usr/bin/env node
// bench/product-page/cache.js: the storefront listing through the gateway with the response cache OFF and ON,
// side by side in one run (the same database, one supergraph after the other, each warmed up 3 s), at 50
// connections. Prints RPS, p50, p99, the cache's hit ratio, and writes bench/results/product-page-cache-<date>.json.
//
//   pnpm build && REDIS_URL=redis://127.0.0.1:6379 node bench/product-page/cache.js   (Redis: the production store)
//   DURATION=30 CONNECTIONS=50 node bench/product-page/cache.js                       (no REDIS_URL: the memory store)
'use strict';
const { mkdirSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const os = require('node:os');
const autocannon = require('autocannon');
const { adminSql } = require('../lib/admin-sql');
const { deleteRedisKeys } = require('../lib/redis-keys');
const { startSampling } = require('../lib/process-sampler');
const { benchShape, spawnSupergraph } = require('../lib/supergraph-child');

const SERVER_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const DURATION = Number(process.env.DURATION ?? 20);
const CONNECTIONS = Number(process.env.CONNECTIONS ?? 50);
const PORT = 15100;
const GATEWAY = `http://127.0.0.1:${PORT}/graphql`;

// The storefront listing of run.js: products + inventory + reviews in one plan.
const FULL_LISTING = `{ products(first: 20) { totalCount edges { node { id name slug price { formatted }
  category { name } inStock inventory { available } rating { average count } } } } }`;

async function post(query) {
  const response = await fetch(GATEWAY, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
  return response.json();
}

async function waitUntilServing(child) {
  await child.ready;
  const answer = await post(FULL_LISTING);
  if (answer?.data?.products?.edges?.length !== 20) throw new Error(`the listing answered ${JSON.stringify(answer)}`);
}

async function counterOf(metricsUrl, name, labels = '') {
  const text = await (await fetch(metricsUrl)).text().catch(() => '');
  return text
    .split('\n')
    .filter((line) => line.startsWith(name) && line.includes(labels))
    .reduce((sum, line) => sum + Number(line.slice(line.lastIndexOf(' ') + 1)), 0);
}

/**
 * CPU seconds the supergraph (gateway and subgraphs: its whole process tree, either shape) has used: on a shared
 * machine the CPU a request costs is a steadier figure than req/s, which moves with everyone else's load.
 */
function cpuSecondsOf(sampler) {
  return sampler.now().processes.supergraph.ticks / 100; // utime + stime, in clock ticks of 1/100 s
}

function load(duration) {
  return autocannon({
    url: GATEWAY,
    method: 'POST',
    connections: CONNECTIONS,
    duration,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: FULL_LISTING }),
  });
}

async function measure(database, databaseUrl, cache) {
  const child = spawnSupergraph({ port: PORT, databaseUrl, keyPrefix: `${database}-${cache}`, env: { RESPONSE_CACHE: cache } });
  let sampler = null;
  try {
    await waitUntilServing(child);
    sampler = startSampling({ supergraph: child.pid });
    const counter = (name, labels) => counterOf(child.metricsUrl, name, labels);
    await load(3); // warm-up: JIT, pools, the cache
    const hitsBefore = await counter('response_cache_lookups_total', 'result="hit"');
    const missesBefore = await counter('response_cache_lookups_total', 'result="miss"');
    const cpuBefore = cpuSecondsOf(sampler);
    const result = await load(DURATION);
    const cpuMsPerRequest = ((cpuSecondsOf(sampler) - cpuBefore) * 1_000) / Math.max(1, result.requests.total);
    const hits = (await counter('response_cache_lookups_total', 'result="hit"')) - hitsBefore;
    const misses = (await counter('response_cache_lookups_total', 'result="miss"')) - missesBefore;
    const row = {
      scenario: `gateway: storefront listing, response cache ${cache}`,
      rps: Math.round(result.requests.average),
      p50Ms: result.latency.p50,
      p99Ms: result.latency.p99,
      requests: result.requests.total,
      errors: result.errors + result.non2xx,
      hitRatio: hits + misses > 0 ? Number((hits / (hits + misses)).toFixed(4)) : null,
      cpuMsPerRequest: Number(cpuMsPerRequest.toFixed(2)),
    };
    console.log(
      `${row.scenario.padEnd(48)} ${String(row.rps).padStart(6)} req/s   p50 ${String(row.p50Ms).padStart(4)} ms   p99 ${String(row.p99Ms).padStart(4)} ms   errors ${row.errors}   hits ${row.hitRatio ?? '-'}   CPU ${row.cpuMsPerRequest} ms/request`,
    );
    return row;
  } finally {
    sampler?.stop();
    await child.stop();
  }
}

async function main() {
  const database = `techally_bench_cache_${Date.now().toString(36)}`;
  const url = new URL(SERVER_URL);
  url.pathname = `/${database}`;
  await adminSql(SERVER_URL, `create database "${database}"`);
  try {
    const loadBefore = os.loadavg()[0];
    const results = [await measure(database, url.toString(), 'off'), await measure(database, url.toString(), 'on')];
    const report = {
      date: new Date().toISOString(),
      machine: `${os.cpus().length} cores, node ${process.version}`,
      load: { before: loadBefore, after: os.loadavg()[0] },
      connections: CONNECTIONS,
      durationSeconds: DURATION,
      store: process.env.REDIS_URL ? 'redis' : 'memory',
      shape: `${benchShape().label} on the real PostgreSQL; autocannon in this process`,
      results,
    };
    mkdirSync(join(__dirname, '../results'), { recursive: true });
    const file = join(__dirname, `../results/product-page-cache-${report.date.slice(0, 10)}.json`);
    writeFileSync(file, JSON.stringify(report, null, 2) + '\n');
    console.log(`\nload average ${loadBefore.toFixed(1)} → ${report.load.after.toFixed(1)}; written to ${file}`);
  } finally {
    await adminSql(SERVER_URL, `drop database if exists "${database}" with (force)`);
    if (process.env.REDIS_URL) await deleteRedisKeys(process.env.REDIS_URL, database).catch((error) => console.error(`could not delete the Redis keys under ${database}: ${error}`));
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
