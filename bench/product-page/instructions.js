#!/usr/bin/env node
// bench/product-page/instructions.js: how many machine instructions ONE listing request costs a service, counted
// by valgrind's callgrind — the same count however busy the machine is, so a change of a few per cent shows,
// where req/s and CPU time on a shared 2-core machine move by ±30 % from run to run.
//
// A fresh database is seeded with the demo shop; the measured service runs under callgrind with instrumentation
// off; after WARMUP listings sent one at a time (the JIT settles), `callgrind_control -i on` counts REQUESTS more,
// then off; then an idle window as long is counted too (the service's own timers and pollers), for reference.
// Per request = counted / REQUESTS: GC, JIT and libuv's work of those requests included, the kernel not. At 200
// requests a GC cycle or a JIT tier-up landing inside the window or not moves it by up to ±20 % between runs:
// compare builds counted in the same run, and repeat (or raise REQUESTS) before reading a few per cent. Side by side: BASELINE_ROOT (another built checkout)
// and/or BASELINE_ENV (settings of the baseline) against this checkout.
//
//   pnpm build && SERVICE=products node bench/product-page/instructions.js
//   SERVICE=gateway …                           (the products-only listing through the gateway; products runs natively)
//   BASELINE_ROOT=/path/to/a/built/checkout REQUESTS=300 WARMUP=300 …
'use strict';
const { spawn, execFileSync } = require('node:child_process');
const { existsSync, mkdtempSync, readFileSync } = require('node:fs');
const { loadavg, tmpdir } = require('node:os');
const { join, resolve } = require('node:path');
const http = require('node:http');
const { setTimeout: sleep } = require('node:timers/promises');
const { adminSql } = require('../lib/admin-sql');
const { PRODUCTS_ONLY, settingsOf } = require('./listings');
const { ROOT } = require('../lib/supergraph-child');

const SERVER_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const SERVICE = process.env.SERVICE ?? 'products';
const REQUESTS = Number(process.env.REQUESTS ?? 300);
const WARMUP = Number(process.env.WARMUP ?? 300);
const PORT = Number(process.env.PORT ?? 17000);
const BASELINE_ROOT = process.env.BASELINE_ROOT ? resolve(process.env.BASELINE_ROOT) : null;
const BASELINE_ENV = settingsOf(process.env.BASELINE_ENV);
const BODY = JSON.stringify({ query: PRODUCTS_ONLY });
if (!['products', 'gateway'].includes(SERVICE)) throw new Error(`SERVICE must be products or gateway, got ${SERVICE}`);

function post(port, agent) {
  return new Promise((done, fail) => {
    const request = http.request({ host: '127.0.0.1', port, path: '/graphql', method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(BODY) } }, (response) => {
      const chunks = [];
      response.on('data', (chunk) => chunks.push(chunk));
      response.on('end', () => {
        const text = Buffer.concat(chunks).toString();
        if (response.statusCode !== 200 || text.includes('"errors"')) fail(new Error(`${response.statusCode} ${text.slice(0, 300)}`));
        else done();
      });
    });
    request.on('error', fail);
    request.end(BODY);
  });
}

async function waitReady(port, child, what) {
  for (let attempt = 0; attempt < 2400; attempt++) {
    if (child.exitCode !== null) throw new Error(`${what} exited (${child.exitCode}) before it was ready`);
    const ok = await new Promise((done) => {
      http.get({ host: '127.0.0.1', port, path: '/health/ready' }, (response) => {
        response.resume();
        done(response.statusCode === 200);
      }).on('error', () => done(false));
    });
    if (ok) return;
    await sleep(250);
  }
  throw new Error(`${what} was not ready within 10 minutes`);
}

function serviceEnv(root, port, databaseUrl, keyPrefix, extra) {
  return {
    PATH: process.env.PATH,
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    DATABASE_URL: databaseUrl,
    DATABASE_POOL_MAX: '4',
    REDIS_URL,
    EVENTS_KEY_PREFIX: keyPrefix,
    APOLLO_TELEMETRY_DISABLED: '1',
    PERSISTED_DOCUMENTS_FIRST_PARTY: 'any',
    API_KEY_LOOKUP_SECRET: 'bench-api-key-lookup-secret-0123456789',
    JWT_SIGNING_KEY_FILE: join(root, '.data/bench-signing-key.json'),
    GATEWAY_RATE_LIMIT_ANONYMOUS: '100000000',
    GATEWAY_RATE_LIMIT_USER: '100000000',
    GATEWAY_RATE_LIMIT_CREDENTIALS: '100000000',
    PORT: String(port),
    ...Object.fromEntries(['USERS', 'PRODUCTS', 'INVENTORY', 'ORDERS', 'PAYMENTS', 'REVIEWS'].map((name, index) => [`${name}_PORT`, String(port + 1 + index)])),
    ...Object.fromEntries(['users', 'products', 'inventory', 'orders', 'payments', 'reviews'].map((name, index) => [`SUBGRAPH_${name.toUpperCase()}_URL`, `http://127.0.0.1:${port + 1 + index}/graphql`])),
    JWKS_URL: `http://127.0.0.1:${port + 1}/.well-known/jwks.json`,
    ...extra,
  };
}

function totalInstructions(file) {
  const line = /^totals: (\d+)/m.exec(readFileSync(file, 'utf8'));
  return line ? Number(line[1]) : null;
}

/** Dumps (and zeroes) the counts of `pid`: the instructions counted since the last dump. */
async function dumped(pid, outDir, index, label) {
  execFileSync('callgrind_control', ['-d', String(pid)], { stdio: 'ignore' });
  // The dump is `callgrind.out.<pid>.<index>`, complete once its `totals:` line is written.
  const file = join(outDir, `callgrind.out.${pid}.${index}`);
  for (let attempt = 0; attempt < 240; attempt++) {
    const instructions = existsSync(file) ? totalInstructions(file) : null;
    if (instructions !== null) return instructions;
    await sleep(500);
  }
  throw new Error(`${label}: no complete callgrind dump ${file}`);
}

async function measure({ label, root, port, env }) {
  const database = `techally_instr_${Date.now().toString(36)}_${port}`;
  const databaseUrl = Object.assign(new URL(SERVER_URL), { pathname: `/${database}` }).toString();
  await adminSql(SERVER_URL, `create database "${database}"`);
  const outDir = mkdtempSync(join(tmpdir(), `callgrind-${label.replace(/\W+/g, '-')}-`));
  const children = [];
  try {
    const base = serviceEnv(root, port, databaseUrl, database, env);
    // The demo shop, through the launchers' own seeding (every subgraph's migrations and seeds).
    const { seedDemoShop } = require(join(root, 'packages/supergraph/dist/seed-demo-shop.js'));
    const { createLogger } = require(join(root, 'packages/platform/dist/index.js'));
    await seedDemoShop(base, createLogger({ name: 'bench', level: 'warn' }));
    const start = (entry, underValgrind, own = {}) => {
      const args = underValgrind
        ? ['--tool=callgrind', '--instr-atstart=no', `--callgrind-out-file=${join(outDir, 'callgrind.out.%p')}`, process.execPath, entry]
        : [entry];
      const child = spawn(underValgrind ? 'valgrind' : process.execPath, args, { cwd: root, env: { ...base, ...own }, stdio: ['ignore', 'ignore', 'inherit'] });
      children.push(child);
      return child;
    };
    const products = start(join(root, 'subgraphs/products/dist/main.js'), SERVICE === 'products');
    await waitReady(port + 2, products, 'products');
    let measured = products;
    let measuredPort = port + 2;
    if (SERVICE === 'gateway') {
      // Subgraphs serve their metrics beside their port; the gateway's is METRICS_PORT.
      measured = start(join(root, 'gateway/dist/main.js'), true, { METRICS_PORT: String(port + 7) });
      measuredPort = port;
      await waitReady(port, measured, 'gateway');
    }
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    for (let index = 0; index < WARMUP; index++) await post(measuredPort, agent);
    execFileSync('callgrind_control', ['-i', 'on', String(measured.pid)], { stdio: 'ignore' });
    const started = Date.now();
    for (let index = 0; index < REQUESTS; index++) await post(measuredPort, agent);
    execFileSync('callgrind_control', ['-i', 'off', String(measured.pid)], { stdio: 'ignore' });
    const seconds = (Date.now() - started) / 1000;
    const busy = await dumped(measured.pid, outDir, 1, label);
    // What the service does on its own meanwhile (timers, pollers: an outbox relay's) grows with the wall time,
    // which callgrind stretches differently for each run: an idle window as long is counted, and shown both
    // ways. For products it was steady (3.5 million a second in both builds); for the gateway it swung 5× between
    // builds (a GC cycle or a JIT job landing in it), so read "without idle" only where the idle rates agree.
    execFileSync('callgrind_control', ['-i', 'on', String(measured.pid)], { stdio: 'ignore' });
    await sleep(seconds * 1000);
    execFileSync('callgrind_control', ['-i', 'off', String(measured.pid)], { stdio: 'ignore' });
    const idle = await dumped(measured.pid, outDir, 2, label);
    agent.destroy();
    const instructions = busy;
    return { build: label, service: SERVICE, requests: REQUESTS, instructionsPerRequest: Math.round(instructions / REQUESTS), withoutIdlePerRequest: Math.round((instructions - idle) / REQUESTS), idlePerRequest: Math.round(idle / REQUESTS), secondsUnderValgrind: seconds, dumps: outDir };
  } finally {
    for (const child of children.reverse()) {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await Promise.race([new Promise((done) => child.once('exit', done)), sleep(60_000)]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
    }
    await adminSql(SERVER_URL, `drop database if exists "${database}" with (force)`);
  }
}

async function main() {
  console.log(`${SERVICE}: products-only listing, ${REQUESTS} requests counted after ${WARMUP}; load average ${loadavg().map((v) => v.toFixed(2)).join(' ')}`);
  const hasBaseline = BASELINE_ROOT !== null || Object.keys(BASELINE_ENV).length > 0;
  const builds = [
    ...(hasBaseline ? [{ label: `baseline${process.env.BASELINE_ENV ? ` (${process.env.BASELINE_ENV})` : ''}`, root: BASELINE_ROOT ?? ROOT, port: PORT + 100, env: BASELINE_ENV }] : []),
    { label: hasBaseline ? 'this checkout' : 'build', root: ROOT, port: PORT, env: {} },
  ];
  // Both at once: each under callgrind is single-threaded and slow; the counts do not depend on the overlap.
  const rows = await Promise.all(builds.map((build) => measure(build)));
  for (const row of rows) console.log(`${row.build.padEnd(40)} ${row.instructionsPerRequest.toLocaleString('en')} instructions a request (${row.requests} requests, ${row.secondsUnderValgrind.toFixed(0)} s under callgrind; an idle window as long: ${row.idlePerRequest.toLocaleString('en')} a request; without it ${row.withoutIdlePerRequest.toLocaleString('en')})`);
  const change = (key) => `${(((rows[1][key] - rows[0][key]) / rows[0][key]) * 100).toFixed(1)} %`;
  if (rows.length === 2) console.log(`change: ${change('instructionsPerRequest')} counted, ${change('withoutIdlePerRequest')} without the idle window`);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
