#!/usr/bin/env node
// bench/product-page: the storefront's product listing driven through the gateway at 50 connections against
// the real PostgreSQL, and its parts sent straight to the subgraphs (the products listing, and the `_entities`
// fetches the gateway's plan makes to inventory and reviews), side by side in one run. Prints RPS, p50, p99 and
// the supergraph's CPU per request (its whole process tree, from /proc) and writes
// bench/results/product-page-<date>[-services].json.
//
//   pnpm build && node bench/product-page/run.js        (DATABASE_URL defaults to the local server)
//   DURATION=30 CONNECTIONS=50 node bench/product-page/run.js
//   SHAPE=services SUBGRAPH_WORKERS=2 GATEWAY_WORKERS=2 node bench/product-page/run.js   (a process per service,
//                                                       on REDIS_URL, default the local server; embedded by default)
//   SCENARIOS=inventory-entities,reviews-entities …     a subset, by key
//   PROFILE=1 …        + where the supergraph's CPU went during each scenario, by package and function (embedded shape)
//   BASELINE=/path/to/another/built/checkout …   each scenario on that checkout's build too, in the same run
//   ROUNDS=2 …         the whole list again (with BASELINE, alternating which build goes first)
'use strict';
const { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join, resolve } = require('node:path');
const autocannon = require('autocannon');
const { Client } = require('pg');
const { startSampling } = require('../lib/process-sampler');
const { benchShape, ROOT, spawnSupergraph } = require('../lib/supergraph-child');
const { summariseProfile } = require('../subscriptions/profile-summary');

const SERVER_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const DURATION = Number(process.env.DURATION ?? 20);
const CONNECTIONS = Number(process.env.CONNECTIONS ?? 50);
const PORT = Number(process.env.PORT ?? 15000);
/** The baseline's supergraph listens 100 ports above this tree's. */
const BASELINE_PORT = PORT + 100;
const PROFILE = process.env.PROFILE === '1';
const BASELINE = process.env.BASELINE ? resolve(process.env.BASELINE) : undefined;
const ROUNDS = Number(process.env.ROUNDS ?? 1);

const FULL_LISTING = `{ products(first: 20) { totalCount edges { node { id name slug price { formatted }
  category { name } inStock inventory { available } rating { average count } } } } }`;
const PRODUCTS_ONLY = `{ products(first: 20) { totalCount edges { node { id name slug price { formatted } category { name } } } } }`;

// The entity fetches the gateway's plan for FULL_LISTING sends, exactly as it prints them (planned with
// @apollo/query-planner from schema/supergraph.graphql), with the 20 products of the page as representations.
const INVENTORY_ENTITIES = 'query($representations:[_Any!]!){_entities(representations:$representations){...on Product{inStock inventory{available}}}}';
const REVIEWS_ENTITIES = 'query($representations:[_Any!]!){_entities(representations:$representations){...on Product{rating{average count}}}}';

/** Offsets from a supergraph's gateway port (bench/lib/supergraph-child.js). */
const OFFSET = { gateway: 0, products: 2, inventory: 3, reviews: 6 };

const ALL_SCENARIOS = [
  { key: 'storefront', name: 'gateway: storefront listing (products + inventory + reviews)', target: 'gateway', query: FULL_LISTING },
  { key: 'products-only', name: 'gateway: products-only listing', target: 'gateway', query: PRODUCTS_ONLY },
  { key: 'products-direct', name: 'products subgraph directly: same products-only listing', target: 'products', query: PRODUCTS_ONLY },
  { key: 'inventory-entities', name: 'inventory entities directly: 20 products inStock, inventory { available }', target: 'inventory', query: INVENTORY_ENTITIES, entities: true },
  { key: 'reviews-entities', name: 'reviews entities directly: 20 products rating { average count }', target: 'reviews', query: REVIEWS_ENTITIES, entities: true },
];

function selectedScenarios() {
  if (!process.env.SCENARIOS) return ALL_SCENARIOS;
  const keys = process.env.SCENARIOS.split(',').map((key) => key.trim()).filter(Boolean);
  const unknown = keys.filter((key) => !ALL_SCENARIOS.some((scenario) => scenario.key === key));
  if (unknown.length > 0) throw new Error(`SCENARIOS: unknown ${unknown.join(', ')}; known: ${ALL_SCENARIOS.map((s) => s.key).join(', ')}`);
  return ALL_SCENARIOS.filter((scenario) => keys.includes(scenario.key));
}

async function admin(sql) {
  const client = new Client({ connectionString: SERVER_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function post(url, query, variables) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(variables ? { query, variables } : { query }),
  });
  return response.json();
}

/** A fresh database and a supergraph on it, from `root`'s build; resolves once it serves. */
async function startSupergraph({ label, root, port }) {
  const database = `techally_bench_${Date.now().toString(36)}_${label}`;
  const url = new URL(SERVER_URL);
  url.pathname = `/${database}`;
  await admin(`create database "${database}"`);
  const profileFile = join(tmpdir(), `${database}.cpuprofile`);
  const child = spawnSupergraph({
    port,
    databaseUrl: url.toString(),
    keyPrefix: database,
    root,
    env: { BENCH_PROFILE_FILE: profileFile },
    nodeArgs: PROFILE ? ['-r', join(__dirname, '../subscriptions/profile-hook.js')] : [],
  });
  const urlOf = (target) => `http://127.0.0.1:${port + OFFSET[target]}/graphql`;
  const supergraph = {
    label,
    pid: child.pid,
    urlOf,
    async stop() {
      await child.stop();
      await admin(`drop database if exists "${database}" with (force)`);
    },
    profiler: {
      start: () => process.kill(child.pid, 'SIGUSR2'),
      /** Stops the profiler and summarises what it saw (the whole process: gateway and every subgraph). */
      async stop() {
        process.kill(child.pid, 'SIGUSR2');
        for (let attempt = 0; attempt < 120 && !existsSync(profileFile); attempt++) await new Promise((done) => setTimeout(done, 500));
        const profile = JSON.parse(readFileSync(profileFile, 'utf8'));
        if (process.env.PROFILE_DIR) writeFileSync(join(process.env.PROFILE_DIR, `${label}-${Date.now()}.cpuprofile`), JSON.stringify(profile));
        rmSync(profileFile, { force: true });
        return profile.error ? profile : summariseProfile(profile, 15);
      },
    },
  };
  try {
    await child.ready;
    // The page's products, as the gateway hands them to inventory and reviews.
    const page = await post(urlOf('products'), '{ products(first: 20) { edges { node { id } } } }');
    supergraph.representations = page.data.products.edges.map(({ node }) => ({ __typename: 'Product', id: node.id }));
    return supergraph;
  } catch (error) {
    await supergraph.stop();
    throw error;
  }
}

function load(url, body, duration) {
  return autocannon({ url, method: 'POST', connections: CONNECTIONS, duration, headers: { 'content-type': 'application/json' }, body });
}

async function measure(supergraph, scenario, sampler) {
  const url = supergraph.urlOf(scenario.target);
  const variables = scenario.entities ? { representations: supergraph.representations } : undefined;
  const check = await post(url, scenario.query, variables);
  if (check.errors) throw new Error(`${supergraph.label} ${scenario.name}: ${JSON.stringify(check.errors)}`);
  const body = JSON.stringify(variables ? { query: scenario.query, variables } : { query: scenario.query });
  await load(url, body, 3); // warm-up: JIT, pools, caches
  if (PROFILE) supergraph.profiler.start();
  const started = Date.now();
  const result = await load(url, body, DURATION);
  const cpu = sampler.window(started, Date.now());
  const profile = PROFILE ? await supergraph.profiler.stop() : undefined;
  const cpuSeconds = cpu.processes[supergraph.label]?.cpuSeconds;
  const row = {
    scenario: scenario.name,
    ...(BASELINE ? { build: supergraph.label } : {}),
    rps: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requests: result.requests.total,
    errors: result.errors + result.non2xx,
    // Every process of the supergraph (the launcher and, in the services shape, each service's workers).
    cpuMsPerRequest: cpuSeconds == null || result.requests.total === 0 ? null : Number(((cpuSeconds * 1000) / result.requests.total).toFixed(2)),
    supergraphCpuPercent: cpu.processes[supergraph.label]?.meanCpuPercent ?? null,
    machineBusyPercent: cpu.machineBusyPercent,
  };
  if (profile) row.profile = profile;
  return row;
}

function print(row) {
  const build = row.build ? `${row.build.padEnd(9)} ` : '';
  console.log(
    `${build}${row.scenario.padEnd(76)} ${String(row.rps).padStart(6)} req/s   p50 ${String(row.p50Ms).padStart(4)} ms   p99 ${String(row.p99Ms).padStart(4)} ms   errors ${row.errors}` +
      `   CPU ${row.cpuMsPerRequest} ms/request (supergraph ${row.supergraphCpuPercent} % of a core, machine ${row.machineBusyPercent} % busy)`,
  );
  if (row.profile?.byArea) {
    console.log(`    by package: ${row.profile.byArea.map(({ name, percent }) => `${name} ${percent}%`).join(', ')}`);
    console.log(`    by function: ${row.profile.byFunction.slice(0, 10).map(({ name, percent }) => `${name} ${percent}%`).join(', ')}`);
  }
}

async function main() {
  const shape = benchShape();
  console.log(`shape: ${shape.label}${BASELINE ? `; baseline: ${BASELINE}` : ''}`);
  const scenarios = selectedScenarios();
  const supergraphs = [];
  let sampler;
  try {
    // Both started before anything is measured, so each scenario's two runs are minutes apart at most.
    if (BASELINE) supergraphs.push(await startSupergraph({ label: 'baseline', root: BASELINE, port: BASELINE_PORT }));
    supergraphs.push(await startSupergraph({ label: BASELINE ? 'this' : 'supergraph', root: ROOT, port: PORT }));
    sampler = startSampling(Object.fromEntries(supergraphs.map((supergraph) => [supergraph.label, supergraph.pid])));
    const results = [];
    for (let round = 0; round < ROUNDS; round++) {
      // Every other round the other build goes first, so a load that drifts during the run favours neither.
      const order = round % 2 === 0 ? supergraphs : [...supergraphs].reverse();
      for (const scenario of scenarios) {
        for (const supergraph of order) {
          const row = { ...(ROUNDS > 1 ? { round: round + 1 } : {}), ...(await measure(supergraph, scenario, sampler)) };
          results.push(row);
          print(row);
        }
      }
    }
    const report = {
      date: new Date().toISOString(),
      machine: `${require('node:os').cpus().length} cores, node ${process.version}, load ${require('node:os').loadavg().map((l) => l.toFixed(2)).join(' ')} at the end`,
      connections: CONNECTIONS,
      durationSeconds: DURATION,
      shape: shape.shape,
      gatewayWorkers: shape.gatewayWorkers,
      subgraphWorkers: shape.subgraphWorkers,
      setup: `${shape.label} on the real PostgreSQL; autocannon in this process; CPU is the supergraph's whole process tree`,
      ...(BASELINE ? { baseline: BASELINE } : {}),
      profiled: PROFILE,
      results,
    };
    mkdirSync(join(__dirname, '../results'), { recursive: true });
    const suffix = `${shape.shape === 'services' ? '-services' : ''}${process.env.SCENARIOS ? '-partial' : ''}${PROFILE ? '-profiled' : ''}${BASELINE ? '-vs-baseline' : ''}`;
    const file = join(__dirname, `../results/product-page-${report.date.slice(0, 10)}${suffix}.json`);
    writeFileSync(file, JSON.stringify(report, null, 2) + '\n');
    console.log(`\nwritten to ${file}`);
  } finally {
    sampler?.stop();
    for (const supergraph of supergraphs) await supergraph.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
