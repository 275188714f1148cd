#!/usr/bin/env node
// bench/product-page: the storefront's product listing driven through the gateway at 50 connections against
// the real PostgreSQL, the products-only part of it through the gateway, and its parts sent straight to the
// subgraphs (the products listing, and the `_entities` fetches the gateway's plan makes to inventory and
// reviews), side by side in one run. Prints RPS, p50 and p99 under load, the supergraph's CPU per request (its
// whole process tree, from /proc), p50 of one request alone, and writes
// bench/results/product-page-<date>[-services].json.
//
//   pnpm build && node bench/product-page/run.js        (DATABASE_URL defaults to the local server)
//   DURATION=30 CONNECTIONS=50 node bench/product-page/run.js
//   SHAPE=services SUBGRAPH_WORKERS=2 GATEWAY_WORKERS=2 node bench/product-page/run.js   (a process per service,
//                                                       on REDIS_URL, default the local server; embedded by default)
//   SCENARIOS=products-direct PROFILE=1 node bench/product-page/run.js       (one scenario, + where its CPU went)
//   BASELINE_ROOT=/path/to/a/built/checkout ROUNDS=2 node bench/product-page/run.js   (before/after in one run)
//   BASELINE_ENV='GATEWAY_OPERATION_LIMITS=off' ROUNDS=2 node bench/product-page/run.js (this build with a setting changed)
//   POOL_MAX=4 …                                  (connections per service pool; default the launcher's 10)
//   TRACING=compare ROUNDS=2 node bench/product-page/run.js    (tracing off vs on, exporting OTLP to a stand-in
//                                                       collector on loopback, alternating, in one run)
//   COMPARE_RATE_LIMITS=1 ROUNDS=2 …              (the gateway's rate limits off and on, alternating, in one run)
'use strict';
const { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } = require('node:fs');
const { cpus, loadavg, tmpdir } = require('node:os');
const { join, resolve } = require('node:path');
const { setTimeout: sleep } = require('node:timers/promises');
const autocannon = require('autocannon');
const { adminSql } = require('../lib/admin-sql');
const { PRODUCTS_ONLY, chosenScenarios, settingsOf } = require('./listings');
const { startSampling } = require('../lib/process-sampler');
const { ROOT, benchShape, spawnSupergraph } = require('../lib/supergraph-child');
const { summariseProfile } = require('../subscriptions/profile-summary');
const { startOtlpStandIn } = require('../lib/otlp-stand-in');

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
/** Settings (`NAME=value`, space-separated) of the baseline: this build (or BASELINE_ROOT's) with them, side by side. */
const BASELINE_ENV = settingsOf(process.env.BASELINE_ENV);
const HAS_BASELINE = BASELINE_ROOT !== null || Object.keys(BASELINE_ENV).length > 0;
/** TRACING=compare: the same build twice, tracing off and on (OTLP to a stand-in collector), side by side. */
const TRACING_COMPARE = process.env.TRACING === 'compare';
/** Two supergraphs of this checkout, the gateway's rate limits off in one and on in the other (issue #11). */
const COMPARE_RATE_LIMITS = process.env.COMPARE_RATE_LIMITS === '1';
const PORT = Number(process.env.PORT ?? 15000);
/** Clock ticks per second of /proc/<pid>/stat's CPU times (USER_HZ, 100 on Linux). */
const CLOCK_TICKS = 100;

const admin = (sql) => adminSql(SERVER_URL, sql);

async function post(url, query, variables) {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  return response.json();
}

function load(url, query, variables, duration, connections = CONNECTIONS) {
  return autocannon({
    url,
    method: 'POST',
    connections,
    duration,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
}

/** CPU seconds (user + system, every thread and every process of the tree) the supergraph has used so far. */
function cpuSecondsOf(target) {
  const ticks = target.sampler.now().processes.supergraph?.ticks;
  if (ticks === undefined) throw new Error(`${target.label}: the supergraph is gone`);
  return ticks / CLOCK_TICKS;
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
async function startTarget({ label, root, port, env = {} }) {
  const database = `techally_bench_${Date.now().toString(36)}_${port}`;
  const url = new URL(SERVER_URL);
  url.pathname = `/${database}`;
  await admin(`create database "${database}"`);
  const profileFile = join(tmpdir(), `${database}.cpuprofile`);
  const supergraph = spawnSupergraph({
    port,
    root,
    databaseUrl: url.toString(),
    keyPrefix: database,
    env: {
      BENCH_PROFILE_FILE: profileFile,
      // The gateway's response cache is off here unless asked (RESPONSE_CACHE=on): these figures are the cost of
      // a computed answer; bench/product-page/cache.js puts the cache off and on side by side.
      RESPONSE_CACHE: process.env.RESPONSE_CACHE ?? 'off',
      // Each service has a pool of its own: on a server shared with other work, fewer connections.
      ...(process.env.POOL_MAX ? { DATABASE_POOL_MAX: process.env.POOL_MAX } : {}),
      ...env,
    },
    // The hook goes into the embedded launcher's one process (spawnSupergraph refuses it in the services shape).
    nodeArgs: PROFILE ? ['-r', join(__dirname, '../subscriptions/profile-hook.js')] : [],
  });
  const signal = (name) => process.kill(supergraph.pid, name);
  const target = {
    label,
    port,
    sampler: null,
    async stop() {
      target.sampler?.stop();
      await supergraph.stop();
      await admin(`drop database if exists "${database}" with (force)`);
    },
    profiler: PROFILE
      ? {
          start: () => signal('SIGUSR2'),
          /** Stops the profiler, keeps the raw .cpuprofile as `keepAs` (DevTools, speedscope), summarises it. */
          async stop(keepAs) {
            signal('SIGUSR2');
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
    await supergraph.ready;
    const response = await post(`http://127.0.0.1:${port}/graphql`, PRODUCTS_ONLY);
    if (response.data?.products?.edges?.length !== 20) throw new Error(`${label}: the listing answered ${JSON.stringify(response)}`);
    // The `_entities` scenarios ask for the page's own products, as the gateway's plan does.
    target.representations = response.data.products.edges.map(({ node }) => ({ __typename: 'Product', id: node.id }));
    target.sampler = startSampling({ supergraph: supergraph.pid });
  } catch (error) {
    await target.stop();
    throw error;
  }
  return target;
}

async function measure(target, scenario, stamp) {
  const url = `http://127.0.0.1:${target.port + scenario.offset}/graphql`;
  const variables = scenario.entities ? { representations: target.representations } : undefined;
  const check = await post(url, scenario.query, variables);
  if (check.errors) throw new Error(`${target.label}, ${scenario.name}: ${JSON.stringify(check.errors)}`);
  await load(url, scenario.query, variables, 3); // warm-up: JIT, pools, caches
  const cpuBefore = cpuSecondsOf(target);
  target.profiler?.start();
  const result = await load(url, scenario.query, variables, DURATION);
  const cpuSeconds = cpuSecondsOf(target) - cpuBefore;
  const keepAs = join(__dirname, `../results/product-page-${stamp}-${scenario.id}-${target.label.replace(/\W+/g, '-')}.cpuprofile`);
  const profile = target.profiler ? await target.profiler.stop(keepAs) : undefined;
  const solo = SOLO_DURATION > 0 ? await load(url, scenario.query, variables, SOLO_DURATION, 1) : null;
  return {
    build: target.label,
    scenario: scenario.name,
    id: scenario.id,
    rps: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requests: result.requests.total,
    errors: result.errors + result.non2xx,
    // Less sensitive to other work on a shared machine than req/s: the supergraph's own CPU time (user + system,
    // all threads of all its processes, /proc) over the measured load, divided by the requests it answered. With
    // PROFILE=1 it includes the profiler's own cost.
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
  const shape = benchShape();
  console.log(`shape: ${shape.label}`);
  const scenarios = chosenScenarios(process.env.SCENARIOS);
  const date = new Date().toISOString();
  const stamp = date.slice(0, 19).replace(/:/g, '');
  mkdirSync(join(__dirname, '../results'), { recursive: true });
  const collector = TRACING_COMPARE ? await startOtlpStandIn() : null;
  const builds = collector
    ? [
        // Unset in the first even if the shell sets it: the comparison is of the same build, off and on.
        { label: 'tracing off', root: ROOT, port: PORT + 100, env: { OTEL_EXPORTER_OTLP_ENDPOINT: '' } },
        { label: 'tracing on (OTLP stand-in)', root: ROOT, port: PORT, env: { OTEL_EXPORTER_OTLP_ENDPOINT: collector.endpoint } },
      ]
    : COMPARE_RATE_LIMITS
    ? [
        { label: 'rate limits off', root: ROOT, port: PORT + 100, env: { GATEWAY_RATE_LIMITS: 'off' } },
        { label: 'rate limits on', root: ROOT, port: PORT, env: { GATEWAY_RATE_LIMITS: 'on' } },
      ]
    : [
        ...(HAS_BASELINE
          ? [{ label: `baseline${process.env.BASELINE_ENV ? ` (${process.env.BASELINE_ENV})` : ''}`, root: BASELINE_ROOT ?? ROOT, port: PORT + 100, env: BASELINE_ENV }]
          : []),
        { label: HAS_BASELINE ? 'this checkout' : 'build', root: ROOT, port: PORT },
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
      ...(process.env.BASELINE_ENV ? { baselineEnv: process.env.BASELINE_ENV } : {}),
      ...(collector ? { tracing: { compared: true, otlpExportsReceived: collector.received.exports, otlpBytesReceived: collector.received.bytes } } : {}),
      ...(COMPARE_RATE_LIMITS ? { compared: 'gateway rate limits off / on (budgets no bench reaches)', redis: Boolean(process.env.REDIS_URL) || shape.shape === 'services' } : {}),
      shape: shape.shape,
      gatewayWorkers: shape.gatewayWorkers,
      subgraphWorkers: shape.subgraphWorkers,
      setup: `${shape.label} on the real PostgreSQL; autocannon in this process; CPU is the supergraph's whole process tree`,
      results,
    };
    const partial = process.env.SCENARIOS || PROFILE || HAS_BASELINE || TRACING_COMPARE || COMPARE_RATE_LIMITS;
    const file = join(__dirname, `../results/product-page-${partial ? stamp : date.slice(0, 10)}${shape.shape === 'services' ? '-services' : ''}.json`);
    writeFileSync(file, JSON.stringify(report, null, 2) + '\n');
    console.log(`\nload average ${report.loadAverageBefore.join(' ')} → ${report.loadAverageAfter.join(' ')}; written to ${file}`);
  } finally {
    for (const target of targets) await target.stop();
    await collector?.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
