#!/usr/bin/env node
// bench/gateway: the graphql-gateways-benchmark TestQuery through four gateways in ONE run, on the same four
// memoized subgraphs, each gateway pinned to the same core (taskset -c GATEWAY_CORE), the load generator and
// the subgraphs on another (LOADGEN_CORE). Prints RPS, p50, p99, errors, subgraph calls per query and whether
// every response equalled fixture/expected-response.json; writes bench/results/gateway-<date>.json.
//
//   pnpm build && node bench/gateway/run.js
//   DURATION=30 WARMUP=5 CONNECTIONS=50 GATEWAYS=ours,apollo-stock PROFILE_DIR=/tmp/prof node bench/gateway/run.js
'use strict';
const { execFileSync, spawn } = require('node:child_process');
const { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { isDeepStrictEqual } = require('node:util');
const autocannon = require('autocannon');
const { composeFixtureSupergraph, subgraphUrls } = require('./compose');
const { GATEWAYS } = require('./gateways');

const DURATION = Number(process.env.DURATION ?? 30);
const WARMUP = Number(process.env.WARMUP ?? 5);
const CONNECTIONS = Number(process.env.CONNECTIONS ?? 50);
const GATEWAY_CORE = process.env.GATEWAY_CORE ?? '1';
const LOADGEN_CORE = process.env.LOADGEN_CORE ?? '0';
const SELECTED = (process.env.GATEWAYS ?? GATEWAYS.filter((gateway) => !gateway.optIn).map((gateway) => gateway.name).join(',')).split(',');
/** Our gateway runs under `node --cpu-prof` into this directory when set (the figures then include the profiler). */
const PROFILE_DIR = process.env.PROFILE_DIR;
const BASE_PORT = Number(process.env.BASE_PORT ?? 24000);
const SAMPLE_QUERIES = 10;

const QUERY = readFileSync(join(__dirname, 'fixture/test-query.graphql'), 'utf8');
const EXPECTED = JSON.parse(readFileSync(join(__dirname, 'fixture/expected-response.json'), 'utf8'));
const BODY = JSON.stringify({ query: QUERY, operationName: 'TestQuery' });

const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

function start(args, env, cwd) {
  const child = spawn('taskset', ['-c', env.CORE, process.execPath, ...args], {
    env: { ...process.env, APOLLO_TELEMETRY_DISABLED: '1', ...env },
    cwd,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return child;
}

async function stop(child) {
  if (child.exitCode !== null) return;
  const exited = new Promise((done) => child.once('exit', done));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

async function post(url) {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: BODY });
  return { status: response.status, text: await response.text() };
}

async function waitUntil(check, what, child) {
  for (let attempt = 0; attempt < 120; attempt++) {
    if (child?.exitCode != null) throw new Error(`${what}: the process exited with code ${child.exitCode}`);
    try {
      if (await check()) return;
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  throw new Error(`${what} did not come up within 30 s`);
}

/** CPU seconds (user + system) the process has used so far, from /proc (taskset execs node: same pid). */
function cpuSeconds(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /s, '').split(' ');
  // After the command: state is field 3, utime field 14 and stime field 15 (1-based), in clock ticks (100 Hz).
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

async function calls(controlUrl) {
  return (await fetch(controlUrl)).json();
}

function load(url, duration, verifyBody) {
  return autocannon({
    url,
    method: 'POST',
    connections: CONNECTIONS,
    duration,
    // A shared machine can be slow; a late answer is reported as a timeout, never mistaken for a wrong one.
    timeout: 30,
    headers: { 'content-type': 'application/json' },
    body: BODY,
    ...(verifyBody ? { verifyBody } : {}),
  });
}

/** A verifier that compares bytes with the gateway's first correct answer and parses only what differs. */
function correctness() {
  const known = new Set();
  return (body) => {
    if (known.has(body)) return true;
    try {
      if (!isDeepStrictEqual(JSON.parse(body), EXPECTED)) return false;
    } catch {
      return false;
    }
    if (known.size < 8) known.add(body);
    return true;
  };
}

async function measure(gateway, context) {
  const port = context.port;
  const url = `http://127.0.0.1:${port}${gateway.path}`;
  const { args, env } = gateway.command({ port, supergraphPath: context.supergraphPath, urls: context.urls });
  const profiled = PROFILE_DIR && gateway.name.startsWith('ours');
  const nodeArgs = profiled ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`] : [];
  const child = start([...nodeArgs, ...args], { ...env, CORE: GATEWAY_CORE }, context.workDir);
  try {
    await waitUntil(async () => (await post(url)).status === 200, gateway.name, child);
    const first = await post(url);
    const firstCorrect = isDeepStrictEqual(JSON.parse(first.text), EXPECTED);

    const before = await calls(context.controlUrl);
    for (let i = 0; i < SAMPLE_QUERIES; i++) await post(url);
    const after = await calls(context.controlUrl);
    const perSubgraph = Object.fromEntries(Object.keys(after).map((name) => [name, (after[name] - before[name]) / SAMPLE_QUERIES]));
    const callsPerQuery = Object.values(perSubgraph).reduce((sum, n) => sum + n, 0);

    await load(url, WARMUP);
    const verify = correctness();
    const beforeLoad = await calls(context.controlUrl);
    const cpuBefore = cpuSeconds(child.pid);
    const result = await load(url, DURATION, verify);
    const cpuUsed = cpuSeconds(child.pid) - cpuBefore;
    const afterLoad = await calls(context.controlUrl);
    const callsUnderLoad = Object.keys(afterLoad).reduce((sum, name) => sum + afterLoad[name] - beforeLoad[name], 0);
    // autocannon's `errors` include its timeouts; they are reported apart.
    const errors = result.errors - result.timeouts + result.non2xx;
    const ok = firstCorrect && errors === 0 && result.mismatches === 0 && result.requests.total > 0;
    return {
      gateway: gateway.name,
      description: gateway.description,
      rps: Math.round(result.requests.average * 10) / 10,
      // The gateway's own CPU per answered query: what a shared machine disturbs least (the load only stretches time).
      cpuMsPerQuery: result.requests.total > 0 ? Math.round((cpuUsed * 1000 * 10) / result.requests.total) / 10 : null,
      p50: result.latency.p50,
      p99: result.latency.p99,
      requests: result.requests.total,
      errors,
      timeouts: result.timeouts,
      mismatches: result.mismatches,
      callsPerQuery,
      callsPerSubgraph: perSubgraph,
      // Under load a gateway that merges by timing may merge more (or less) than one query alone.
      callsPerQueryUnderLoad: result.requests.sent > 0 ? Math.round((callsUnderLoad / result.requests.sent) * 10) / 10 : null,
      correct: ok,
      profiled: Boolean(profiled),
    };
  } finally {
    await stop(child);
  }
}

function printTable(rows) {
  const header = ['gateway', 'RPS', 'CPU ms/query', 'p50 ms', 'p99 ms', 'errors', 'timeouts', 'mismatches', 'calls/query (alone / under load)', 'correct'];
  const lines = rows.map((row) => [
    row.gateway,
    row.rps,
    row.cpuMsPerQuery,
    row.p50,
    row.p99,
    row.errors,
    row.timeouts,
    row.mismatches,
    `${row.callsPerQuery} / ${row.callsPerQueryUnderLoad}`,
    row.correct ? 'yes' : 'NO — FAILED',
  ]);
  const widths = header.map((title, i) => Math.max(title.length, ...lines.map((line) => String(line[i]).length)));
  const format = (cells) => cells.map((cell, i) => String(cell).padEnd(widths[i])).join('  ');
  console.log(format(header));
  for (const line of lines) console.log(format(line));
}

async function main() {
  // The load generator (this process) and the subgraphs share LOADGEN_CORE; each gateway gets GATEWAY_CORE alone.
  execFileSync('taskset', ['-pc', LOADGEN_CORE, String(process.pid)], { stdio: 'ignore' });
  const workDir = mkdtempSync(join(tmpdir(), 'bench-gateway-'));
  const urls = subgraphUrls(BASE_PORT);
  const supergraphPath = join(workDir, 'supergraph.graphql');
  writeFileSync(supergraphPath, composeFixtureSupergraph(urls));
  const controlUrl = `http://127.0.0.1:${BASE_PORT}/calls`;
  const subgraphs = start([join(__dirname, 'subgraphs.js'), String(BASE_PORT)], { CORE: LOADGEN_CORE }, workDir);
  const load = execFileSync('cat', ['/proc/loadavg'], { encoding: 'utf8' }).trim();
  const rows = [];
  try {
    await waitUntil(async () => (await fetch(controlUrl)).ok, 'subgraphs', subgraphs);
    const context = { supergraphPath, urls, controlUrl, workDir, port: BASE_PORT + 100 };
    for (const gateway of GATEWAYS.filter((candidate) => SELECTED.includes(candidate.name))) {
      console.error(`measuring ${gateway.name} (${DURATION} s after ${WARMUP} s warm-up)…`);
      rows.push(await measure(gateway, context));
      context.port += 10;
    }
  } finally {
    await stop(subgraphs);
    rmSync(workDir, { recursive: true, force: true });
  }
  printTable(rows);
  const stock = rows.find((row) => row.gateway === 'apollo-stock');
  const ours = rows.find((row) => row.gateway === 'ours');
  if (stock && ours) {
    console.log(`ours / stock @apollo/gateway: ${(ours.rps / stock.rps).toFixed(2)}× the RPS, ${(stock.cpuMsPerQuery / ours.cpuMsPerQuery).toFixed(2)}× less CPU per query`);
  }
  const date = new Date().toISOString().slice(0, 10);
  const resultsDir = join(__dirname, '../results');
  mkdirSync(resultsDir, { recursive: true });
  const file = join(resultsDir, `gateway-${date}.json`);
  writeFileSync(
    file,
    `${JSON.stringify({ date, loadBefore: load, duration: DURATION, warmup: WARMUP, connections: CONNECTIONS, gatewayCore: GATEWAY_CORE, rows }, null, 2)}\n`,
  );
  console.log(`written ${file}`);
  if (rows.some((row) => !row.correct)) {
    console.error('FAILED: a gateway answered wrongly or with errors (see the correct column).');
    process.exitCode = 1;
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
