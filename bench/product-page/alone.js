#!/usr/bin/env node
// bench/product-page/alone.js: ONE request at a time (no concurrency), the latency a single caller sees and the
// CPU each service process spends on it. The listing scenarios of run.js, sent REQUESTS times each, one after the
// other, over one keep-alive connection; wall time per request with hrtime (µs, not autocannon's whole ms), and
// CPU per request of every process of the supergraph from /proc (in the services shape: the gateway, products…
// apart), before/after builds side by side like run.js.
//
//   pnpm build && SHAPE=services node bench/product-page/alone.js
//   REQUESTS=3000 SCENARIOS=gateway-products,products-direct …
//   BASELINE_ROOT=/path/to/a/built/checkout ROUNDS=2 …          (before/after in one run, alternating)
//   PROFILE_DIR=/tmp/alone …   (V8's CPU profiler in every service process over each measured sequence; one
//                               .cpuprofile per process and scenario; summarise with bench/gateway/profile-report.js)
'use strict';
const { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, writeFileSync } = require('node:fs');
const { loadavg } = require('node:os');
const { join, resolve } = require('node:path');
const { setTimeout: sleep } = require('node:timers/promises');
const http = require('node:http');
const { adminSql } = require('../lib/admin-sql');
const { chosenScenarios } = require('./listings');
const { ROOT, benchShape, spawnSupergraph } = require('../lib/supergraph-child');

const SERVER_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const REQUESTS = Number(process.env.REQUESTS ?? 2000);
const WARMUP = Number(process.env.WARMUP ?? 500);
const ROUNDS = Number(process.env.ROUNDS ?? 1);
const PORT = Number(process.env.PORT ?? 16000);
const BASELINE_ROOT = process.env.BASELINE_ROOT ? resolve(process.env.BASELINE_ROOT) : null;
const PROFILE_DIR = process.env.PROFILE_DIR ? resolve(process.env.PROFILE_DIR) : null;
const TICKS_PER_SECOND = 100;

const scenarios = chosenScenarios(process.env.SCENARIOS, ['gateway-products', 'products-direct', 'gateway-storefront']);

/** The supergraph's processes by role: `gateway`, `products`, …, or `supergraph` for the embedded one. */
function servicesOf(rootPid) {
  const parentOf = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      parentOf.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // gone meanwhile
    }
  }
  const tree = [rootPid];
  for (let index = 0; index < tree.length; index++) for (const [pid, parent] of parentOf) if (parent === tree[index]) tree.push(pid);
  const roles = {};
  for (const pid of tree) {
    const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    const role = /(gateway)\/dist\/main\.js/.exec(command)?.[1] ?? /subgraphs\/(\w+)\/dist\/main\.js/.exec(command)?.[1] ?? (/start-embedded/.test(command) ? 'supergraph' : null);
    if (role) (roles[role] ??= []).push(pid);
  }
  return roles;
}

/** User and system CPU ticks of these processes (fields 14 and 15 of /proc/<pid>/stat). */
function ticksOf(pids) {
  const ticks = { user: 0, system: 0 };
  for (const pid of pids) {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    ticks.user += Number(fields[11]);
    ticks.system += Number(fields[12]);
  }
  return ticks;
}

async function startTarget({ label, root, port }) {
  const database = `techally_alone_${Date.now().toString(36)}_${port}`;
  const url = new URL(SERVER_URL);
  url.pathname = `/${database}`;
  await adminSql(SERVER_URL, `create database "${database}"`);
  const profiling = PROFILE_DIR !== null;
  const supergraph = spawnSupergraph({
    port,
    root,
    databaseUrl: url.toString(),
    keyPrefix: database,
    env: {
      RESPONSE_CACHE: 'off',
      // Every service process loads the hook; each writes its own file (`%p`: its pid).
      ...(profiling ? { NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --require ${join(__dirname, '../subscriptions/profile-hook.js')}`, BENCH_PROFILE_FILE: join(PROFILE_DIR, `${database}-%p.cpuprofile`) } : {}),
    },
  });
  const target = {
    label,
    port,
    database,
    agent: new http.Agent({ keepAlive: true, maxSockets: 1 }),
    async stop() {
      target.agent.destroy();
      await supergraph.stop();
      await adminSql(SERVER_URL, `drop database if exists "${database}" with (force)`);
    },
  };
  try {
    await supergraph.ready;
    target.roles = servicesOf(supergraph.pid);
  } catch (error) {
    await target.stop();
    throw error;
  }
  return target;
}

function send(target, url, body) {
  return new Promise((done, fail) => {
    const outgoing = http.request(url, { method: 'POST', agent: target.agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (response) => {
      const chunks = [];
      response.on('data', (chunk) => chunks.push(chunk));
      response.on('end', () => {
        const text = Buffer.concat(chunks).toString();
        if (response.statusCode !== 200 || text.includes('"errors"')) fail(new Error(`${target.label}: ${response.statusCode} ${text.slice(0, 300)}`));
        else done();
      });
    });
    outgoing.on('error', fail);
    outgoing.end(body);
  });
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))];

async function measure(target, scenario) {
  const url = `http://127.0.0.1:${target.port + scenario.offset}/graphql`;
  const body = JSON.stringify({ query: scenario.query });
  for (let index = 0; index < WARMUP; index++) await send(target, url, body);
  const pids = Object.values(target.roles).flat();
  if (PROFILE_DIR) for (const pid of pids) process.kill(pid, 'SIGUSR2');
  const before = Object.fromEntries(Object.entries(target.roles).map(([role, rolePids]) => [role, ticksOf(rolePids)]));
  const times = [];
  const started = process.hrtime.bigint();
  for (let index = 0; index < REQUESTS; index++) {
    const at = process.hrtime.bigint();
    await send(target, url, body);
    times.push(Number(process.hrtime.bigint() - at) / 1000);
  }
  const wallSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  // Per process role: user + system ms a request, and the system part of it (the kernel: syscalls, loopback TCP).
  const cpuMsPerRequest = {};
  const systemMsPerRequest = {};
  const perRequest = (ticks) => Number(((ticks / TICKS_PER_SECOND / REQUESTS) * 1000).toFixed(3));
  for (const [role, rolePids] of Object.entries(target.roles)) {
    const after = ticksOf(rolePids);
    const user = after.user - before[role].user;
    const system = after.system - before[role].system;
    // Roles the scenario does not reach spend only their background work: left out below 0.05 ms a request.
    if (perRequest(user + system) < 0.05) continue;
    cpuMsPerRequest[role] = perRequest(user + system);
    systemMsPerRequest[role] = perRequest(system);
  }
  const profiles = [];
  if (PROFILE_DIR) {
    for (const pid of pids) process.kill(pid, 'SIGUSR2');
    for (const pid of pids) {
      const file = join(PROFILE_DIR, `${target.database}-${pid}.cpuprofile`);
      for (let attempt = 0; attempt < 120 && !existsSync(file); attempt++) await sleep(250);
      const role = Object.entries(target.roles).find(([, rolePids]) => rolePids.includes(pid))[0];
      const keep = join(PROFILE_DIR, `alone-${scenario.id}-${target.label.replace(/\W+/g, '-')}-${role}-${pid}.cpuprofile`);
      renameSync(file, keep);
      profiles.push(keep);
    }
  }
  times.sort((a, b) => a - b);
  return {
    build: target.label,
    scenario: scenario.id,
    requests: REQUESTS,
    p50Us: Math.round(percentile(times, 50)),
    p90Us: Math.round(percentile(times, 90)),
    p99Us: Math.round(percentile(times, 99)),
    meanUs: Math.round((wallSeconds * 1e6) / REQUESTS),
    cpuMsPerRequest,
    systemMsPerRequest,
    ...(profiles.length ? { profiles } : {}),
  };
}

async function main() {
  const shape = benchShape();
  console.log(`shape: ${shape.label}; ${REQUESTS} requests one at a time per scenario after ${WARMUP} warm-up; load average ${loadavg().map((v) => v.toFixed(2)).join(' ')}`);
  if (PROFILE_DIR) mkdirSync(PROFILE_DIR, { recursive: true });
  const builds = [
    ...(BASELINE_ROOT ? [{ label: 'baseline', root: BASELINE_ROOT, port: PORT + 100 }] : []),
    { label: BASELINE_ROOT ? 'this checkout' : 'build', root: ROOT, port: PORT },
  ];
  const targets = [];
  const date = new Date().toISOString();
  const loadBefore = loadavg().map((value) => Number(value.toFixed(2)));
  const rows = [];
  try {
    for (const build of builds) targets.push(await startTarget(build));
    for (const scenario of scenarios) {
      for (let round = 0; round < ROUNDS; round++) {
        for (const target of round % 2 === 0 ? targets : [...targets].reverse()) {
          const row = { round: round + 1, ...(await measure(target, scenario)) };
          rows.push(row);
          const cpu = Object.entries(row.cpuMsPerRequest).map(([role, ms]) => `${role} ${ms} (sys ${row.systemMsPerRequest[role]})`).join(', ');
          console.log(
            `${`${row.build}: ${row.scenario}`.padEnd(40)} p50 ${row.p50Us} µs  p90 ${row.p90Us} µs  p99 ${row.p99Us} µs  mean ${row.meanUs} µs  CPU ms/request: ${cpu}` +
              (row.profiles ? `\n  profiles: ${row.profiles.join(' ')}` : ''),
          );
        }
      }
    }
    const loadAfter = loadavg().map((value) => Number(value.toFixed(2)));
    const file = join(__dirname, `../results/alone-${date.slice(0, 19).replace(/:/g, '')}${shape.shape === 'services' ? '-services' : ''}.json`);
    mkdirSync(join(__dirname, '../results'), { recursive: true });
    writeFileSync(file, JSON.stringify({ date, shape: shape.shape, requests: REQUESTS, warmup: WARMUP, loadAverageBefore: loadBefore, loadAverageAfter: loadAfter, ...(BASELINE_ROOT ? { baseline: BASELINE_ROOT } : {}), results: rows }, null, 2) + '\n');
    console.log(`load average after: ${loadAfter.join(' ')}; written to ${file}`);
  } finally {
    for (const target of targets) await target.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
