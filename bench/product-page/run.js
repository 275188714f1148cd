#!/usr/bin/env node
// bench/product-page: the storefront's product listing driven through the gateway at 50 connections against
// the real PostgreSQL, and the products-only part of it sent through the gateway and straight to the products
// subgraph, side by side in one run. Prints RPS, p50 and p99 under load, the CPU the supergraph process spent
// per request, p50 of one request alone, and writes bench/results/product-page-<date>.json.
//
//   pnpm build && node bench/product-page/run.js        (DATABASE_URL defaults to the local server)
//   DURATION=30 CONNECTIONS=50 node bench/product-page/run.js
//   SCENARIOS=products-direct PROFILE=1 node bench/product-page/run.js       (one scenario, + where its CPU went)
//   BASELINE_ROOT=/path/to/a/built/checkout ROUNDS=2 node bench/product-page/run.js   (before/after in one run)
//   POOL_MAX=4 …                                  (connections per service pool; default the launcher's 10)
'use strict';
const { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } = require('node:fs');
const { cpus, loadavg, tmpdir } = require('node:os');
const { join, resolve } = require('node:path');
const { setTimeout: sleep } = require('node:timers/promises');
const autocannon = require('autocannon');
const { Client } = require('pg');
const { deleteRedisKeys } = require('../lib/redis-keys');
const { ROOT, spawnSupergraph } = require('../lib/supergraph-child');
const { summariseProfile } = require('../subscriptions/profile-summary');

const SERVER_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const DURATION = Number(process.env.DURATION ?? 20);
const CONNECTIONS = Number(process.env.CONNECTIONS ?? 50);
/** Seconds of one connection sending one request at a time: the latency of a request alone (0: skip). */
const SOLO_DURATION = Number(process.env.SOLO_DURATION ?? 5);
/** PROFILE=1: V8's CPU profiler runs in the supergraph over each measured load (costs CPU; off by default). */
const PROFILE = process.env.PROFILE === '1';
/** Another checkout, built, measured in the same run against this one, alternating (ROUNDS times each). */
const BASELINE_ROOT = process.env.BASELINE_ROOT ? resolve(process.env.BASELINE_ROOT) : null;
const ROUNDS = Number(process.env.ROUNDS ?? 1);
const PORT = Number(process.env.PORT ?? 15000);
/** Clock ticks per second of /proc/<pid>/stat's CPU times (USER_HZ, 100 on Linux). */
const CLOCK_TICKS = 100;

const FULL_LISTING = `{ products(first: 20) { totalCount edges { node { id name slug price { formatted }
  category { name } inStock inventory { available } rating { average count } } } } }`;
const PRODUCTS_ONLY = `{ products(first: 20) { totalCount edges { node { id name slug price { formatted } category { name } } } } }`;

/** `port` is the supergraph's gateway port; subgraphs follow it (products is port + 2). */
const ALL_SCENARIOS = [
  { id: 'gateway-storefront', name: 'gateway: storefront listing (products + inventory + reviews)', offset: 0, query: FULL_LISTING },
  { id: 'gateway-products', name: 'gateway: products-only listing', offset: 0, query: PRODUCTS_ONLY },
  { id: 'products-direct', name: 'products subgraph directly: same products-only listing', offset: 2, query: PRODUCTS_ONLY },
];

/** SCENARIOS=products-direct,gateway-products runs only those (by id), in that order. */
function chosenScenarios() {
  if (!process.env.SCENARIOS) return ALL_SCENARIOS;
  return process.env.SCENARIOS.split(',').map((id) => {
    const scenario = ALL_SCENARIOS.find((candidate) => candidate.id === id.trim());
    if (!scenario) throw new Error(`SCENARIOS: unknown scenario "${id}"; known: ${ALL_SCENARIOS.map((s) => s.id).join(', ')}`);
    return scenario;
  });
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

async function post(url, query) {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
  return response.json();
}

function load(url, query, duration, connections = CONNECTIONS) {
  return autocannon({
    url,
    method: 'POST',
    connections,
    duration,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });
}

/** CPU seconds (user + system, every thread: JS, GC, libuv) a process has used so far, from /proc. */
function cpuSecondsOf(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS; // utime, stime: fields 14 and 15 of stat
}

/**
 * The profile without the samples of the profiler's own stop (the hook serialising the profile, a few % of a
 * short run), which is not the supergraph's work.
 */
function withoutProfilerStop(profile) {
  const hook = new Set(profile.nodes.filter((node) => node.callFrame.url.endsWith('profile-hook.js')).map((node) => node.id));
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const underHook = new Set();
  const visit = (id) => {
    underHook.add(id);
    for (const child of byId.get(id).children ?? []) visit(child);
  };
  for (const id of hook) visit(id);
  const samples = [];
  const timeDeltas = [];
  for (let index = 0; index < profile.samples.length; index++) {
    if (underHook.has(profile.samples[index])) continue;
    samples.push(profile.samples[index]);
    timeDeltas.push(profile.timeDeltas[index]);
  }
  return { ...profile, samples, timeDeltas };
}

/**
 * A supergraph child (one build: this checkout's, or the baseline's) on its own fresh database. With PROFILE=1
 * its profiler (bench/subscriptions/profile-hook.js) starts on SIGUSR2 and writes the profile on the next one.
 */
async function startTarget({ label, root, port }) {
  const database = `techally_bench_${Date.now().toString(36)}_${port}`;
  const url = new URL(SERVER_URL);
  url.pathname = `/${database}`;
  await admin(`create database "${database}"`);
  const profileFile = join(tmpdir(), `${database}.cpuprofile`);
  const child = spawnSupergraph({
    port,
    root,
    databaseUrl: url.toString(),
    keyPrefix: database,
    env: {
      BENCH_PROFILE_FILE: profileFile,
      METRICS_PORT: String(port + 50),
      // Each of the seven services has a pool of its own: on a server shared with other work, fewer connections.
      ...(process.env.POOL_MAX ? { DATABASE_POOL_MAX: process.env.POOL_MAX } : {}),
    },
    nodeArgs: PROFILE ? ['-r', join(__dirname, '../subscriptions/profile-hook.js')] : [],
  });
  const target = {
    label,
    port,
    child,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((done) => child.once('exit', done));
        child.kill('SIGTERM');
        await exited;
      }
      await admin(`drop database if exists "${database}" with (force)`);
      if (process.env.REDIS_URL) await deleteRedisKeys(process.env.REDIS_URL, database).catch((error) => console.error(`could not delete the Redis keys under ${database}: ${error}`));
    },
    profiler: PROFILE
      ? {
          start: () => child.kill('SIGUSR2'),
          /** Stops the profiler, keeps the raw .cpuprofile as `keepAs` (DevTools, speedscope), summarises it. */
          async stop(keepAs) {
            child.kill('SIGUSR2');
            for (let attempt = 0; attempt < 120 && !existsSync(profileFile); attempt++) await sleep(500);
            const profile = JSON.parse(readFileSync(profileFile, 'utf8'));
            if (keepAs) renameSync(profileFile, keepAs);
            else rmSync(profileFile, { force: true });
            return profile.error ? profile : summariseProfile(withoutProfilerStop(profile), 15);
          },
        }
      : null,
  };
  try {
    for (let attempt = 0; ; attempt++) {
      if (child.exitCode !== null) throw new Error(`${label}: the supergraph exited with code ${child.exitCode}`);
      if (attempt >= 240) throw new Error(`${label}: the supergraph did not answer within 120 s`);
      try {
        const response = await post(`http://127.0.0.1:${port}/graphql`, PRODUCTS_ONLY);
        if (response.data?.products?.edges?.length === 20) break;
      } catch {
        // not listening yet
      }
      await sleep(500);
    }
  } catch (error) {
    await target.stop();
    throw error;
  }
  return target;
}

async function measure(target, scenario, stamp) {
  const url = `http://127.0.0.1:${target.port + scenario.offset}/graphql`;
  const check = await post(url, scenario.query);
  if (check.errors) throw new Error(`${target.label}, ${scenario.name}: ${JSON.stringify(check.errors)}`);
  await load(url, scenario.query, 3); // warm-up: JIT, pools, caches
  const cpuBefore = cpuSecondsOf(target.child.pid);
  target.profiler?.start();
  const result = await load(url, scenario.query, DURATION);
  const cpuSeconds = cpuSecondsOf(target.child.pid) - cpuBefore;
  const keepAs = join(__dirname, `../results/product-page-${stamp}-${scenario.id}-${target.label.replace(/\W+/g, '-')}.cpuprofile`);
  const profile = target.profiler ? await target.profiler.stop(keepAs) : undefined;
  const solo = SOLO_DURATION > 0 ? await load(url, scenario.query, SOLO_DURATION, 1) : null;
  return {
    build: target.label,
    scenario: scenario.name,
    id: scenario.id,
    rps: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requests: result.requests.total,
    errors: result.errors + result.non2xx,
    // Less sensitive to other work on a shared machine than req/s: the process's own CPU time (user + system,
    // all threads, /proc) over the measured load, divided by the requests it answered. With PROFILE=1 it
    // includes the profiler's own cost.
    cpuMsPerRequest: Number(((cpuSeconds * 1000) / result.requests.total).toFixed(2)),
    ...(solo ? { aloneP50Ms: solo.latency.p50, aloneP99Ms: solo.latency.p99, aloneErrors: solo.errors + solo.non2xx } : {}),
    ...(profile ? { profile, profileFile: keepAs } : {}),
  };
}

function print(row) {
  console.log(
    `${`${row.build}: ${row.scenario}`.padEnd(76)} ${String(row.rps).padStart(6)} req/s   p50 ${String(row.p50Ms).padStart(4)} ms   p99 ${String(row.p99Ms).padStart(4)} ms   ` +
      `CPU ${row.cpuMsPerRequest} ms/request   errors ${row.errors}` +
      (row.aloneP50Ms !== undefined ? `   alone p50 ${row.aloneP50Ms} ms` : ''),
  );
  if (row.profile?.byArea) {
    console.log(`  by area:     ${row.profile.byArea.map(({ name, percent }) => `${name} ${percent}%`).join(', ')}`);
    console.log(`  by function:\n${row.profile.byFunction.map(({ name, percent }) => `    ${String(percent).padStart(5)}%  ${name}`).join('\n')}`);
  }
}

async function main() {
  const scenarios = chosenScenarios();
  const date = new Date().toISOString();
  const stamp = date.slice(0, 19).replace(/:/g, '');
  mkdirSync(join(__dirname, '../results'), { recursive: true });
  const builds = [
    ...(BASELINE_ROOT ? [{ label: 'baseline', root: BASELINE_ROOT, port: PORT + 100 }] : []),
    { label: BASELINE_ROOT ? 'this checkout' : 'build', root: ROOT, port: PORT },
  ];
  const targets = [];
  try {
    for (const build of builds) targets.push(await startTarget(build));
    const loadBefore = loadavg().map((value) => Number(value.toFixed(2)));
    const results = [];
    for (const scenario of scenarios) {
      for (let round = 0; round < ROUNDS; round++) {
        for (const target of targets) {
          const row = { round: round + 1, ...(await measure(target, scenario, stamp)) };
          results.push(row);
          print(row);
        }
      }
    }
    const report = {
      date,
      machine: `${cpus().length} cores, node ${process.version}`,
      loadAverageBefore: loadBefore,
      loadAverageAfter: loadavg().map((value) => Number(value.toFixed(2))),
      connections: CONNECTIONS,
      durationSeconds: DURATION,
      profiled: PROFILE,
      ...(BASELINE_ROOT ? { baseline: BASELINE_ROOT } : {}),
      shape: 'embedded launcher process (gateway + 6 subgraphs, one process) on the real PostgreSQL; autocannon in this process',
      results,
    };
    const partial = process.env.SCENARIOS || PROFILE || BASELINE_ROOT;
    const file = join(__dirname, `../results/product-page-${partial ? stamp : date.slice(0, 10)}.json`);
    writeFileSync(file, JSON.stringify(report, null, 2) + '\n');
    console.log(`\nload average ${report.loadAverageBefore.join(' ')} → ${report.loadAverageAfter.join(' ')}; written to ${file}`);
  } finally {
    for (const target of targets) await target.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
