#!/usr/bin/env node
// bench/subscriptions: N concurrent graphql-ws subscribers on ONE gateway, each subscribed to
// `stockChanged(productIds: [p])` for one of a handful of products with `product { name price { formatted } }`
// (resolved from the products subgraph per event: the federated part), then a burst of admin adjustStock
// mutations. Prints one line per N: event-to-client latency p50 / p99, delivered / expected, dropped (the
// gateway's counters), the supergraph's peak RSS and CPU (its whole process tree: every service in the services
// shape); writes bench/results/subscriptions-<date>T<hhmmss>.json.
//
//   pnpm build && node bench/subscriptions/run.js        (DATABASE_URL, REDIS_URL default to the local servers)
//   SUBSCRIBERS=1000,5000,10000 PRODUCTS=5 EVENTS_PER_PRODUCT=20 LOADGEN_PROCESSES=2 node bench/subscriptions/run.js
//   PROFILE=1 SUBSCRIBERS=10000 node bench/subscriptions/run.js     (+ where the supergraph's CPU went, by package)
//   SHAPE=services SUBGRAPH_WORKERS=2 node bench/subscriptions/run.js   (a process per service; embedded by default)
//
// Each N runs on a fresh database and a fresh supergraph child (bench/lib/supergraph-child.js: gateway + six
// subgraphs in one process, or a process per service; production mode, Redis Streams bus and Redis Pub/Sub for
// subscriptions), so its peak RSS is its own. The
// subscribers live in LOADGEN_PROCESSES child processes (subscribers.js), one socket per subscriber.
'use strict';
const { mkdirSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { cpus } = require('node:os');
const { setTimeout: sleep } = require('node:timers/promises');
const { scrape, subscriptionFigures, quantileBetween } = require('./gateway-metrics');
const { startLoadGenerators } = require('./load-generators');
const { startSampling, memory } = require('../lib/process-sampler');
const { adjust, burst, stockFigures } = require('./stock-events');
const { benchShape } = require('../lib/supergraph-child');
const { startSupergraph } = require('./supergraph');

const SUBSCRIBERS = (process.env.SUBSCRIBERS ?? '1000,5000,10000').split(',').map(Number);
const PRODUCTS = Number(process.env.PRODUCTS ?? 5);
const EVENTS_PER_PRODUCT = Number(process.env.EVENTS_PER_PRODUCT ?? 20);
const LOADGEN_PROCESSES = Number(process.env.LOADGEN_PROCESSES ?? 2);
/** Connections being opened at once, per load-generator process. */
const CONNECT_CONCURRENCY = Number(process.env.CONNECT_CONCURRENCY ?? 50);
/** adjustStock mutations in flight at once during the burst. */
const BURST_CONCURRENCY = Number(process.env.BURST_CONCURRENCY ?? PRODUCTS);
/** The burst is over when every expected event arrived, or nothing arrived for this long. */
const QUIET_MS = Number(process.env.QUIET_MS ?? 10_000);
const LATENCY_HISTOGRAM = 'graphql_subscription_event_latency_seconds';

const SUBSCRIPTION = `subscription StockTicker($productIds: [ID!]!) {
  stockChanged(productIds: $productIds) { available inStock at product { id name price { formatted } } }
}`;

/** Polls until `ready()` holds or `timeoutMs` passed; returns whether it held. */
async function until(ready, timeoutMs, everyMs = 250) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await ready()) return true;
    await sleep(everyMs);
  }
  return false;
}

/** Subscriber i follows product i mod PRODUCTS and lives in load generator i mod LOADGEN_PROCESSES. */
async function openSubscribers(supergraph, loadgen, products, subscribers) {
  const started = Date.now();
  const opened = await loadgen.ask((generator) => ({
    type: 'open',
    url: supergraph.webSocketUrl,
    query: SUBSCRIPTION,
    concurrency: CONNECT_CONCURRENCY,
    assignments: Array.from({ length: subscribers }, (_, i) => i)
      .filter((i) => i % LOADGEN_PROCESSES === generator)
      .map((i) => ({ productIndex: i % PRODUCTS, productId: products[i % PRODUCTS].id })),
  }));
  const connected = opened.reduce((sum, answer) => sum + answer.connected, 0);
  const active = async () => subscriptionFigures(await scrape(supergraph.metricsUrl)).active >= connected;
  if (!(await until(active, 120_000, 500))) throw new Error(`the gateway never showed ${connected} active subscriptions`);
  return {
    connected,
    connectFailed: opened.reduce((sum, answer) => sum + answer.failed, 0),
    connectSeconds: Number(((Date.now() - started) / 1000).toFixed(1)),
  };
}

/**
 * Every subscriber receives one event per product before the burst: proves the whole path is live (gateway,
 * upstream socket, the inventory subgraph's Redis subscription) and warms it. Rounds repeat for events lost
 * while a subscription was still being set up (Pub/Sub does not replay).
 */
async function warmUp(supergraph, loadgen, adminToken, products, warehouseId, expected) {
  const started = Date.now();
  for (let round = 1; round <= 10; round++) {
    await Promise.all(products.map((product) => adjust(supergraph, adminToken, product.id, warehouseId)));
    if (await until(async () => (await loadgen.sum('warmth', 'warm')) >= expected, 5_000)) return { rounds: round, ms: Date.now() - started };
  }
  throw new Error(`only ${await loadgen.sum('warmth', 'warm')} of ${expected} subscribers received a warm-up event after 10 rounds`);
}

/**
 * How long the burst's stock-changed events waited in the inventory outbox before the relay took them
 * (`published_at` is the relay transaction's now()): the part of the latency before Redis and the gateway.
 */
async function outboxWait(supergraph, since) {
  const [row] = await supergraph.sql(
    `select percentile_cont(array[0.5, 0.99]) within group (order by extract(epoch from published_at - occurred_at) * 1000) as ms
       from inventory.outbox where type = 'inventory.stock-changed.v1' and occurred_at >= to_timestamp($1 / 1000.0)`,
    [since],
  );
  const [p50, p99] = row.ms ?? [null, null];
  return { p50: p50 === null ? null : Math.round(p50), p99: p99 === null ? null : Math.round(p99) };
}

/** Waits until every expected event arrived or none did for QUIET_MS; returns the count and the last receipt. */
async function drain(loadgen, expected, since) {
  let received = 0;
  let lastReceiptAt = since;
  let lastProgressAt = Date.now();
  for (;;) {
    const progress = await loadgen.ask({ type: 'progress' });
    const now = progress.reduce((sum, answer) => sum + answer.received, 0);
    lastReceiptAt = Math.max(lastReceiptAt, ...progress.map((answer) => answer.lastReceiptAt));
    if (now !== received) lastProgressAt = Date.now();
    received = now;
    if (received >= expected || Date.now() - lastProgressAt > QUIET_MS) return { received, lastReceiptAt };
    await sleep(250);
  }
}

function percentile(sorted, p) {
  if (sorted.length === 0) return null;
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]);
}

function concatSorted(arrays) {
  const all = new Float64Array(arrays.reduce((sum, array) => sum + array.length, 0));
  let offset = 0;
  for (const array of arrays) {
    all.set(array, offset);
    offset += array.length;
  }
  return all.sort();
}

/** The load generators' reports and the gateway's counters, as one row of the results. */
function summarise({ reports, before, after, expected, received }) {
  const fromAt = concatSorted(reports.map((report) => report.latencyFromAt));
  const fromResponse = concatSorted(reports.map((report) => report.latencyFromResponse));
  const add = (field) => reports.reduce((sum, report) => sum + report[field], 0);
  const [gatewayBefore, gatewayAfter] = [subscriptionFigures(before), subscriptionFigures(after)];
  return {
    expected,
    delivered: received,
    gatewayDelivered: gatewayAfter.delivered - gatewayBefore.delivered,
    droppedClient: gatewayAfter.droppedClient - gatewayBefore.droppedClient,
    droppedBacklog: gatewayAfter.droppedBacklog - gatewayBefore.droppedBacklog,
    droppedReportedToClients: add('droppedReported'),
    subscribersMissingEvents: reports.flatMap((report) => [...report.perSubscriber]).filter((count) => count < EVENTS_PER_PRODUCT).length,
    outOfOrder: add('outOfOrder'),
    resultErrors: add('errors'),
    incompleteResults: add('incomplete'),
    subscriptionsEnded: add('ended'),
    latencyFromAtMs: { p50: percentile(fromAt, 50), p99: percentile(fromAt, 99), max: percentile(fromAt, 100) },
    latencyFromResponseMs: { p50: percentile(fromResponse, 50), p99: percentile(fromResponse, 99), matched: fromResponse.length },
    gatewayLatencyMs: { p50: quantileBetween(before, after, LATENCY_HISTOGRAM, 0.5), p99: quantileBetween(before, after, LATENCY_HISTOGRAM, 0.99) },
    firstError: reports.find((report) => report.firstError)?.firstError,
  };
}

async function runOne(subscribers) {
  const supergraph = await startSupergraph();
  let loadgen;
  let sampler;
  try {
    const adminToken = await supergraph.logIn();
    const listing = await supergraph.graphql(`{ products(first: ${PRODUCTS}) { edges { node { id name } } } }`);
    const products = listing.products.edges.map(({ node }) => node);
    const { warehouses } = await supergraph.graphql('{ warehouses { id active } }', {}, adminToken);
    const warehouseId = warehouses.find((warehouse) => warehouse.active).id;

    loadgen = startLoadGenerators(LOADGEN_PROCESSES);
    sampler = startSampling({ supergraph: supergraph.pid, ...loadgen.pids });
    const idleRssMiB = memory(supergraph.pid).rssMiB;
    const connection = await openSubscribers(supergraph, loadgen, products, subscribers);
    const warm = await warmUp(supergraph, loadgen, adminToken, products, warehouseId, connection.connected);
    // Let late warm-up events land (told apart by `available` anyway), and see how busy the machine is while the
    // bench is idle: other work on a shared machine shows here.
    const settleStarted = Date.now();
    await sleep(2_000);
    const idle = sampler.window(settleStarted, Date.now());
    const connectedRssMiB = memory(supergraph.pid).rssMiB;

    const figures = await stockFigures(supergraph, adminToken, products, warehouseId);
    await loadgen.ask({ type: 'arm', thresholds: figures.map((figure) => figure.total) });
    const before = await scrape(supergraph.metricsUrl);
    const expected = connection.connected * EVENTS_PER_PRODUCT;
    supergraph.profiler?.start();
    const burstStarted = Date.now();
    const mutations = await burst(supergraph, adminToken, products, warehouseId, figures, {
      eventsPerProduct: EVENTS_PER_PRODUCT,
      concurrency: BURST_CONCURRENCY,
    });
    const mutationsSeconds = Number(((Date.now() - burstStarted) / 1000).toFixed(2));
    const { received, lastReceiptAt } = await drain(loadgen, expected, burstStarted);
    const after = await scrape(supergraph.metricsUrl);
    const profile = await supergraph.profiler?.stop();
    const cpu = sampler.window(burstStarted, lastReceiptAt);
    const reports = await loadgen.ask({ type: 'report', responses: mutations.responses });
    const summary = summarise({ reports, before, after, expected, received });
    const outboxWaitMs = await outboxWait(supergraph, burstStarted);
    const drainSeconds = (lastReceiptAt - burstStarted) / 1000;

    const row = {
      subscribers,
      ...connection,
      warmUp: warm,
      upstreamsActive: subscriptionFigures(after).upstreams,
      events: products.length * EVENTS_PER_PRODUCT,
      mutationErrors: mutations.errors,
      mutationsSeconds,
      ...summary,
      outboxWaitMs,
      drainSeconds: Number(drainSeconds.toFixed(2)),
      deliveriesPerSecond: Math.round(received / Math.max(drainSeconds, 0.001)),
      supergraphRssMiB: { idle: Math.round(idleRssMiB), connected: Math.round(connectedRssMiB), peak: Math.round(memory(supergraph.pid).peakRssMiB) },
      cpuDuringBurst: cpu,
      machineBusyPercentBeforeBurst: idle.machineBusyPercent,
      profile,
      firstError: mutations.firstError ?? summary.firstError,
    };
    printRow(row);
    return row;
  } finally {
    sampler?.stop();
    await loadgen?.close();
    await supergraph.stop();
  }
}

function printRow(row) {
  const { supergraph, ...generators } = row.cpuDuringBurst.processes;
  const loadgen = Object.values(generators)
    .map((figures) => `${figures.meanCpuPercent}%`)
    .join('+');
  console.log(
    `N=${String(row.subscribers).padEnd(6)} delivered ${row.delivered}/${row.expected}  dropped client ${row.droppedClient} backlog ${row.droppedBacklog}` +
      `  at→client p50 ${row.latencyFromAtMs.p50} ms p99 ${row.latencyFromAtMs.p99} ms (outbox p50 ${row.outboxWaitMs.p50} p99 ${row.outboxWaitMs.p99}, in gateway p50 ${row.gatewayLatencyMs.p50} p99 ${row.gatewayLatencyMs.p99})` +
      `  drain ${row.drainSeconds} s  RSS ${row.supergraphRssMiB.idle}→${row.supergraphRssMiB.connected} MiB peak ${row.supergraphRssMiB.peak}` +
      `  CPU peak ${supergraph?.peakCpuPercent}% mean ${supergraph?.meanCpuPercent}%  loadgen ${loadgen}` +
      `  machine ${row.cpuDuringBurst.machineBusyPercent}% (idle before: ${row.machineBusyPercentBeforeBurst}%)`,
  );
  if (row.firstError) console.log(`  first error: ${row.firstError}`);
  if (row.profile?.byArea) console.log(`  supergraph CPU by area: ${row.profile.byArea.map(({ name, percent }) => `${name} ${percent}%`).join(', ')}`);
}

async function main() {
  const shape = benchShape();
  console.log(`shape: ${shape.label}`);
  const results = [];
  for (const subscribers of SUBSCRIBERS) results.push(await runOne(subscribers));
  const report = {
    date: new Date().toISOString(),
    machine: `${cpus().length} cores, node ${process.version}`,
    products: PRODUCTS,
    eventsPerProduct: EVENTS_PER_PRODUCT,
    loadGeneratorProcesses: LOADGEN_PROCESSES,
    burstConcurrency: BURST_CONCURRENCY,
    profiled: process.env.PROFILE === '1',
    subscription: SUBSCRIPTION,
    shape: shape.shape,
    gatewayWorkers: shape.gatewayWorkers,
    subgraphWorkers: shape.subgraphWorkers,
    setup:
      `${shape.label} on the real PostgreSQL and Redis (Streams bus, Pub/Sub for subscriptions); CPU and RSS of the supergraph are its whole process tree; ` +
      'anonymous subscribers, one graphql-ws socket each, in separate load-generator processes; admin adjustStock (+1) through the gateway over HTTP',
    results,
  };
  mkdirSync(join(__dirname, '../results'), { recursive: true });
  // One file per run (date and UTC time), so the runs of a day recorded in the README all stay.
  const stamp = `${report.date.slice(0, 10)}T${report.date.slice(11, 19).replaceAll(':', '')}`;
  const file = join(__dirname, `../results/subscriptions-${stamp}${shape.shape === 'services' ? '-services' : ''}${report.profiled ? '-profiled' : ''}.json`);
  writeFileSync(file, JSON.stringify(report, null, 2) + '\n');
  console.log(`\nwritten to ${file}`);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
