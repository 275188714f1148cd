#!/usr/bin/env node
// bench/checkout: N concurrent customers placing and paying orders through the gateway, the whole checkout saga
// (orders → inventory → orders → payments → orders over the event bus) on the real PostgreSQL. In the embedded shape
// (the default), two scenarios side by side in one run: the Redis Streams bus (production) and the in-memory bus
// (the embedded start's); in the services shape (a process per service) the Redis Streams bus alone.
// Prints orders/s reaching a terminal state and p50 / p99 from placeOrder to PAID; writes
// bench/results/checkout-<date>.json.
//
//   pnpm build && node bench/checkout/run.js        (DATABASE_URL, REDIS_URL default to the local servers)
//   CLIENTS=20 DURATION=30 node bench/checkout/run.js
//   SHAPE=services SUBGRAPH_WORKERS=2 node bench/checkout/run.js     (GATEWAY_WORKERS too; bench/lib/supergraph-child.js)
//
// Each client loops: placeOrder (1–3 random lines) → poll the order every POLL_MS until AWAITING_PAYMENT with its payment open →
// confirmPayment with a good card → poll until PAID. "placeOrder to PAID" is therefore measured with a
// resolution of POLL_MS (default 25 ms), and the polling itself is load the gateway serves.
'use strict';
const { mkdirSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { cpus } = require('node:os');
const { performance } = require('node:perf_hooks');
const { Client } = require('pg');
const { BENCH_ADMIN, benchShape, spawnSupergraph } = require('../lib/supergraph-child');

const SERVER_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const CLIENTS = Number(process.env.CLIENTS ?? 10);
const DURATION = Number(process.env.DURATION ?? 20);
const POLL_MS = Number(process.env.POLL_MS ?? 25);
const PORT = Number(process.env.PORT ?? 15100);
const GATEWAY = `http://127.0.0.1:${PORT}/graphql`;
const CUSTOMER = { email: 'ada@example.com', password: 'correct-horse-battery' };
const CARD = { number: '4242424242424242', expMonth: 12, expYear: new Date().getFullYear() + 2, cvc: '123' };

const SHAPE = benchShape();
const SCENARIOS = [
  { name: `Redis Streams bus, real PostgreSQL (${SHAPE.shape} shape)`, env: { REDIS_URL, OUTBOX_LISTEN: 'true' } },
  // A bus in memory lives in one process: the services shape has none.
  ...(SHAPE.shape === 'embedded' ? [{ name: 'in-memory bus, real PostgreSQL (embedded shape)', env: { REDIS_URL: '', OUTBOX_LISTEN: 'true' } }] : []),
];

async function admin(sql) {
  const client = new Client({ connectionString: SERVER_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function graphql(query, variables, token) {
  const response = await fetch(GATEWAY, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.json();
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

const logIn = async ({ email, password }) =>
  (await graphql('mutation($e: String!, $p: String!) { logIn(email: $e, password: $p) { accessToken } }', { e: email, p: password })).logIn
    .accessToken;

/** Five products, each given ample stock, so the bench measures the saga, not OUT_OF_STOCK. */
async function prepareCatalog(adminToken) {
  const listing = await graphql('{ products(first: 5) { edges { node { id } } } }');
  const { warehouses } = await graphql('{ warehouses { id } }', {}, adminToken);
  const productIds = listing.products.edges.map(({ node }) => node.id);
  for (const productId of productIds) {
    await graphql(
      'mutation($input: AdjustStockInput!) { adjustStock(input: $input) { onHand } }',
      { input: { productId, warehouseId: warehouses[0].id, delta: 100000, reason: 'RECEIVED' } },
      adminToken,
    );
  }
  return productIds;
}

/** Polls the order until `done(order)`; the payment opens a moment after AWAITING_PAYMENT. */
async function waitForOrder(orderId, token, done) {
  for (;;) {
    const { order } = await graphql('query($id: ID!) { order(id: $id) { status payment { status } } }', { id: orderId }, token);
    if (done(order)) return order.status;
    await new Promise((done) => setTimeout(done, POLL_MS));
  }
}

async function customerLoop(index, token, addressId, productIds, deadline, results) {
  let sequence = 0;
  while (Date.now() < deadline) {
    const lines = 1 + ((index + sequence) % 3);
    const items = Array.from({ length: lines }, (_, line) => ({ productId: productIds[(index + sequence + line) % productIds.length], quantity: 1 }));
    const started = performance.now();
    try {
      const { placeOrder } = await graphql(
        'mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { id } }',
        { input: { items, shippingAddressId: addressId, idempotencyKey: `bench-${process.pid}-${index}-${sequence++}-${Date.now()}` } },
        token,
      );
      const reserved = await waitForOrder(
        placeOrder.id,
        token,
        (order) => order.status === 'CANCELLED' || (order.status === 'AWAITING_PAYMENT' && order.payment?.status === 'PENDING'),
      );
      if (reserved === 'CANCELLED') {
        results.push({ status: 'CANCELLED', ms: performance.now() - started });
        continue;
      }
      await graphql('mutation($input: ConfirmPaymentInput!) { confirmPayment(input: $input) { status } }', { input: { orderId: placeOrder.id, card: CARD } }, token);
      const final = await waitForOrder(placeOrder.id, token, (order) => order.status === 'PAID' || order.status === 'CANCELLED');
      results.push({ status: final, ms: performance.now() - started });
    } catch (error) {
      results.push({ status: 'ERROR', ms: performance.now() - started, error: String(error).slice(0, 300) });
    }
  }
}

function percentile(sorted, p) {
  if (sorted.length === 0) return null;
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]);
}

async function runScenario(scenario) {
  const database = `techally_bench_${Date.now().toString(36)}`;
  const url = new URL(SERVER_URL);
  url.pathname = `/${database}`;
  await admin(`create database "${database}"`);
  const supergraph = spawnSupergraph({ port: PORT, databaseUrl: url.toString(), keyPrefix: database, env: scenario.env });
  try {
    await supergraph.ready;
    const adminToken = await logIn(BENCH_ADMIN);
    const productIds = await prepareCatalog(adminToken);
    const token = await logIn(CUSTOMER);
    const addressId = (await graphql('{ me { addresses { id } } }', {}, token)).me.addresses[0].id;

    // Warm-up: JIT, pools, consumer groups.
    await Promise.all(Array.from({ length: 2 }, (_, index) => customerLoop(index, token, addressId, productIds, Date.now() + 3000, [])));

    const results = [];
    const started = performance.now();
    await Promise.all(
      Array.from({ length: CLIENTS }, (_, index) => customerLoop(index, token, addressId, productIds, Date.now() + DURATION * 1000, results)),
    );
    const seconds = (performance.now() - started) / 1000;
    const paid = results.filter((result) => result.status === 'PAID').map((result) => result.ms).sort((a, b) => a - b);
    const row = {
      scenario: scenario.name,
      clients: CLIENTS,
      terminalOrdersPerSecond: Number((results.filter((result) => result.status !== 'ERROR').length / seconds).toFixed(1)),
      paid: paid.length,
      cancelled: results.filter((result) => result.status === 'CANCELLED').length,
      errors: results.filter((result) => result.status === 'ERROR').length,
      placeToPaidP50Ms: percentile(paid, 50),
      placeToPaidP99Ms: percentile(paid, 99),
      firstError: results.find((result) => result.status === 'ERROR')?.error,
    };
    console.log(
      `${row.scenario.padEnd(56)} ${String(row.terminalOrdersPerSecond).padStart(6)} orders/s   placeOrder→PAID p50 ${String(row.placeToPaidP50Ms).padStart(5)} ms   p99 ${String(row.placeToPaidP99Ms).padStart(5)} ms   paid ${row.paid} cancelled ${row.cancelled} errors ${row.errors}`,
    );
    if (row.firstError) console.log(`  first error: ${row.firstError}`);
    return row;
  } finally {
    await supergraph.stop();
    await admin(`drop database if exists "${database}" with (force)`);
  }
}

async function main() {
  console.log(`shape: ${SHAPE.label}`);
  const results = [];
  for (const scenario of SCENARIOS) results.push(await runScenario(scenario));
  const report = {
    date: new Date().toISOString(),
    machine: `${cpus().length} cores, node ${process.version}`,
    clients: CLIENTS,
    durationSeconds: DURATION,
    pollMs: POLL_MS,
    shape: SHAPE.shape,
    gatewayWorkers: SHAPE.gatewayWorkers,
    subgraphWorkers: SHAPE.subgraphWorkers,
    setup: `${SHAPE.label} on the real PostgreSQL; the clients in this process; simulated payment provider`,
    results,
  };
  mkdirSync(join(__dirname, '../results'), { recursive: true });
  const file = join(__dirname, `../results/checkout-${report.date.slice(0, 10)}${SHAPE.shape === 'services' ? '-services' : ''}.json`);
  writeFileSync(file, JSON.stringify(report, null, 2) + '\n');
  console.log(`\nwritten to ${file}`);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
