#!/usr/bin/env node
// bench/apps: what a shopper's first visit costs (issue #12).
//   1. The storefront's and the admin's production bundles: the initial JS and CSS (what dist/index.html loads
//      plus its static imports; lazy chunks excluded), raw and gzipped as the gateway serves them, against the
//      target: the storefront's initial JS under 200 kB gzipped.
//   2. The time to the first product list in Chromium on the embedded start (`pnpm start`'s shape, in this
//      process: startEmbeddedSupergraph, no DATABASE_URL or REDIS_URL, a fresh PGlite under a temporary folder,
//      free ports): navigate to `/`, wait for the first product list item; the median of LOADS (5) cold loads,
//      each in a fresh browser context. Target: under 1 s.
// Prints both and writes bench/results/apps-<date>.json.
//
//   pnpm build && node bench/apps/run.js          (Chromium: `apt-get install chromium`, or CHROMIUM_PATH)
//   LOADS=9 node bench/apps/run.js
'use strict';
const { mkdirSync, mkdtempSync, rmSync, writeFileSync } = require('node:fs');
const { createServer } = require('node:net');
const { cpus, loadavg, tmpdir } = require('node:os');
const { join, resolve } = require('node:path');
const { initialBundle } = require('./bundle-sizes');
const { median, timeFirstProductList } = require('./first-product-list');

const ROOT = resolve(__dirname, '../..');
const LOADS = Number(process.env.LOADS ?? 5);
const APPS = [
  { name: 'storefront', basePath: '/', distDir: join(ROOT, 'clients/storefront/dist'), targetJsGzip: 200 * 1000 },
  { name: 'admin', basePath: '/admin/', distDir: join(ROOT, 'clients/admin/dist'), targetJsGzip: null },
];
const FIRST_LIST_TARGET_MS = 1000;
const SUBGRAPH_PORT_VARIABLES = ['USERS_PORT', 'PRODUCTS_PORT', 'INVENTORY_PORT', 'ORDERS_PORT', 'PAYMENTS_PORT', 'REVIEWS_PORT'];

const kB = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;

/** Ports nothing listens on now (the OS picks them; ephemeral, so each service's metrics port is picked too). */
async function freePorts(count) {
  const servers = await Promise.all(
    Array.from({ length: count }, () => new Promise((done, fail) => {
      const server = createServer();
      server.once('error', fail);
      server.listen(0, '127.0.0.1', () => done(server));
    })),
  );
  const ports = servers.map((server) => server.address().port);
  await Promise.all(servers.map((server) => new Promise((done) => server.close(done))));
  return ports;
}

function measureBundles() {
  return APPS.map(({ name, basePath, distDir, targetJsGzip }) => {
    const bundle = initialBundle(distDir, basePath);
    const met = targetJsGzip === null ? null : bundle.js.gzip < targetJsGzip;
    return { app: name, ...bundle, targetJsGzip, met };
  });
}

function printBundles(bundles) {
  console.log('initial bundles (dist/index.html + static imports; gzip as the gateway serves them):');
  for (const { app, files, js, css, targetJsGzip, met } of bundles) {
    const target = targetJsGzip === null ? 'no target' : `target JS < ${kB(targetJsGzip)} gzip: ${met ? 'met' : 'NOT met'}`;
    console.log(`  ${app.padEnd(10)}  JS ${kB(js.raw)} (${kB(js.gzip)} gzip)  CSS ${kB(css.raw)} (${kB(css.gzip)} gzip)  ${files.length} file(s)  ${target}`);
  }
}

async function measureFirstProductList() {
  // The embedded start needs the built apps and the built packages; `pnpm build` leaves both.
  const { buildWebApps, staleWebApps } = require(join(ROOT, 'clients/scripts/build-web-apps.js'));
  const stale = staleWebApps();
  if (stale.length > 0) buildWebApps(stale);
  const { startEmbeddedSupergraph } = require('@techally/supergraph');
  const [gatewayPort, ...subgraphPorts] = await freePorts(1 + SUBGRAPH_PORT_VARIABLES.length);
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-apps-'));
  const env = { ...process.env, PORT: String(gatewayPort), LOG_LEVEL: process.env.LOG_LEVEL ?? 'error', APOLLO_TELEMETRY_DISABLED: '1' };
  // `pnpm start` on a bare machine: PGlite and the in-memory bus, whatever this shell has set.
  for (const variable of ['DATABASE_URL', 'REDIS_URL', 'METRICS_PORT']) delete env[variable];
  SUBGRAPH_PORT_VARIABLES.forEach((variable, index) => (env[variable] = String(subgraphPorts[index])));
  const startedAt = Date.now();
  const supergraph = await startEmbeddedSupergraph({ env, dataDir });
  const startSeconds = (Date.now() - startedAt) / 1000;
  try {
    const origin = new URL(supergraph.gatewayUrl).origin;
    const result = await timeFirstProductList(`${origin}/`, { loads: LOADS });
    return { url: `${origin}/`, startSeconds, ...result, medianMs: median(result.timings), targetMs: FIRST_LIST_TARGET_MS };
  } finally {
    await supergraph.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main() {
  const bundles = measureBundles();
  printBundles(bundles);
  console.log(`\nfirst product list, embedded start, ${LOADS} cold loads in fresh Chromium contexts…`);
  const firstList = await measureFirstProductList();
  const met = firstList.medianMs < firstList.targetMs;
  console.log(`  started in ${firstList.startSeconds.toFixed(1)} s (fresh PGlite, seeded) at ${firstList.url}`);
  console.log(`  loads: ${firstList.timings.map((ms) => `${Math.round(ms)} ms`).join(', ')}`);
  const phase = (name) => Math.round(median(firstList.phases.map((load) => load[name] ?? Number.NaN)));
  console.log(
    `  by the page's clock (medians): first byte ${phase('firstByte')} ms, DOMContentLoaded ${phase('domContentLoaded')} ms, ` +
      `last /graphql response ${phase('lastGraphqlResponse')} ms, list visible ${phase('listVisible')} ms`,
  );
  console.log(`  median ${Math.round(firstList.medianMs)} ms  (target < ${firstList.targetMs} ms: ${met ? 'met' : 'NOT met'})`);
  if (firstList.outsideRequests.length > 0) console.log(`  requests to other hosts (aborted): ${firstList.outsideRequests.join(', ')}`);
  if (firstList.pageErrors.length > 0) console.log(`  page errors: ${firstList.pageErrors.join(' | ')}`);

  const date = new Date().toISOString();
  const results = join(__dirname, '..', 'results');
  mkdirSync(results, { recursive: true });
  const file = join(results, `apps-${date.slice(0, 10)}.json`);
  const machine = { cpus: cpus().length, loadavg: loadavg().map((value) => Number(value.toFixed(2))) };
  writeFileSync(file, `${JSON.stringify({ date, machine, bundles, firstProductList: { ...firstList, met } }, null, 2)}\n`);
  console.log(`\nwrote ${file}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
