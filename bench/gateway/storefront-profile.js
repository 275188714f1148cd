#!/usr/bin/env node
// Where our gateway's time goes on the storefront listing of bench/product-page (products + inventory + reviews):
// the seeded supergraph runs as bench/product-page runs it (one child process, real PostgreSQL), and a SEPARATE
// gateway process — `node --cpu-prof`, pinned to GATEWAY_CORE — is pointed at its subgraphs and loaded with the
// listing. Each gateway named in GATEWAY_SCRIPTS (default: this checkout's gateway/dist/main.js; add another
// build, e.g. main's, to compare) is profiled in turn against the same subgraphs.
//
//   pnpm build && node bench/gateway/storefront-profile.js
//   GATEWAY_SCRIPTS=before=/path/to/old/gateway/dist/main.js,after=gateway/dist/main.js DURATION=15 node bench/gateway/storefront-profile.js
'use strict';
const { spawn } = require('node:child_process');
const { mkdirSync } = require('node:fs');
const { join, resolve } = require('node:path');
const { readdirSync, readFileSync } = require('node:fs');
const autocannon = require('autocannon');
const { adminSql } = require('../lib/admin-sql');
const { ROOT, spawnSupergraph } = require('../lib/supergraph-child');
const { report } = require('./profile-report');

const SERVER_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const DURATION = Number(process.env.DURATION ?? 15);
const CONNECTIONS = Number(process.env.CONNECTIONS ?? 50);
const GATEWAY_CORE = process.env.GATEWAY_CORE ?? '1';
const PROFILE_DIR = process.env.PROFILE_DIR ?? join(require('node:os').tmpdir(), `storefront-profile-${Date.now()}`);
const PORT = Number(process.env.BASE_PORT ?? 25000);
const GATEWAY_PORT = PORT + 50;
const SUBGRAPHS = ['users', 'products', 'inventory', 'orders', 'payments', 'reviews'];
const SCRIPTS = (process.env.GATEWAY_SCRIPTS ?? `current=${join(ROOT, 'gateway/dist/main.js')}`)
  .split(',')
  .map((entry) => entry.split('='))
  .map(([name, script]) => ({ name, script: resolve(script) }));

const LISTING = `{ products(first: 20) { totalCount edges { node { id name slug price { formatted }
  category { name } inStock inventory { available } rating { average count } } } } }`;
const BODY = JSON.stringify({ query: LISTING });

const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

const admin = (sql) => adminSql(SERVER_URL, sql);

async function answers(url) {
  try {
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: BODY });
    const body = await response.json();
    return body.data?.products?.edges?.length === 20 && !body.errors;
  } catch {
    return false;
  }
}

async function waitFor(url, child) {
  for (let attempt = 0; attempt < 480; attempt++) {
    if (child.exitCode !== null) throw new Error(`exited with code ${child.exitCode}`);
    if (await answers(url)) return;
    await sleep(250);
  }
  throw new Error(`${url} did not answer the listing within 120 s`);
}

async function profileGateway({ name, script }) {
  const dir = join(PROFILE_DIR, name);
  mkdirSync(dir, { recursive: true });
  const env = {
    ...process.env,
    NODE_ENV: 'production',
    // The profile's documents are not the manifest's: first-party full text stays allowed.
    PERSISTED_DOCUMENTS_FIRST_PARTY: 'any',
    LOG_LEVEL: 'warn',
    APOLLO_TELEMETRY_DISABLED: '1',
    PORT: String(GATEWAY_PORT),
    METRICS_PORT: String(GATEWAY_PORT + 1),
    SUPERGRAPH_PATH: join(ROOT, 'schema/supergraph.graphql'),
    JWKS_URL: `http://127.0.0.1:${PORT + 1}/.well-known/jwks.json`,
    ...Object.fromEntries(SUBGRAPHS.map((subgraph, index) => [`SUBGRAPH_${subgraph.toUpperCase()}_URL`, `http://127.0.0.1:${PORT + 1 + index}/graphql`])),
  };
  const gateway = spawn('taskset', ['-c', GATEWAY_CORE, process.execPath, '--cpu-prof', `--cpu-prof-dir=${dir}`, script], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  const url = `http://127.0.0.1:${GATEWAY_PORT}/graphql`;
  try {
    await waitFor(url, gateway);
    const options = { url, method: 'POST', connections: CONNECTIONS, headers: { 'content-type': 'application/json' }, body: BODY, timeout: 30 };
    await autocannon({ ...options, duration: 3 });
    const result = await autocannon({ ...options, duration: DURATION });
    return { name, rps: Math.round(result.requests.average), p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.non2xx, dir };
  } finally {
    const exited = new Promise((done) => gateway.once('exit', done));
    gateway.kill('SIGTERM');
    await exited;
  }
}

async function main() {
  const database = `techally_bench_${Date.now().toString(36)}`;
  const url = new URL(SERVER_URL);
  url.pathname = `/${database}`;
  await admin(`create database "${database}"`);
  const supergraph = spawnSupergraph({ port: PORT, databaseUrl: url.toString(), keyPrefix: database });
  try {
    await waitFor(`http://127.0.0.1:${PORT}/graphql`, supergraph);
    for (const gateway of SCRIPTS) {
      const row = await profileGateway(gateway);
      const file = readdirSync(row.dir).find((entry) => entry.endsWith('.cpuprofile'));
      const summary = report(JSON.parse(readFileSync(join(row.dir, file), 'utf8')), 15);
      console.log(`\n== ${row.name}: ${row.rps} req/s, p50 ${row.p50} ms, p99 ${row.p99} ms, errors ${row.errors} (profile ${join(row.dir, file)})`);
      for (const { name, percent } of summary.byArea.slice(0, 14)) console.log(`  ${String(percent).padStart(5)} %  ${name}`);
    }
  } finally {
    const exited = new Promise((done) => supergraph.once('exit', done));
    supergraph.kill('SIGTERM');
    await exited;
    await admin(`drop database if exists "${database}" with (force)`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
