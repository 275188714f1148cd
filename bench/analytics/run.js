#!/usr/bin/env node
// bench/analytics (issue #14): salesReport on a year of daily data. On a fresh database of its own it migrates the
// analytics subgraph, writes DAYS days × ORDERS_PER_DAY orders straight into the read model's fact tables with bulk
// SQL (orders, lines over PRODUCTS products in CATEGORIES categories — a fifth of them recategorised mid-year —,
// warehouse allocations, cancellations with reasons, fulfilments, refunds), computes the daily rollup once
// (timed), then times EVENTS more orders applied one event at a time through the real consumer (the incremental
// upkeep on a full year). Then it sends QUERIES salesReport queries one at a time over HTTP to the subgraph as an
// admin (JWT verified, GraphQL executed, rows shaped: the whole answer), each a year (or a random stretch) at every
// groupBy and granularity, and prints p50 / p95 / p99 per case and overall. Writes
// bench/results/analytics-<date>.json and drops its database.
//
//   pnpm build && node bench/analytics/run.js      (DATABASE_URL: the server, default the local one)
//   ORDERS_PER_DAY=100 QUERIES=200 node bench/analytics/run.js
//   PROFILE=1 …                                    (a V8 CPU profile of the measured pass, summarised)
//   KEEP_DATABASE=1 …                              (leave the database for psql; its name is printed)
//   GROUP_BY=NONE,CATEGORY …                       (measure these groupings only)
'use strict';
// As the service runs: graphql-js checks every instanceOf across realms outside production (~10 % of a report).
process.env.NODE_ENV ??= 'production';
const { mkdirSync, writeFileSync } = require('node:fs');
const { Session } = require('node:inspector/promises');
const { cpus, loadavg } = require('node:os');
const { join } = require('node:path');
const { randomUUID } = require('node:crypto');
const { performance } = require('node:perf_hooks');
const { Client } = require('pg');
const { adminSql } = require('../lib/admin-sql');

const ROOT = join(__dirname, '..', '..');
const ANALYTICS = join(ROOT, 'subgraphs', 'analytics');
const { createAnalyticsSubgraph, loadAnalyticsConfig } = require(join(ANALYTICS, 'dist', 'index.js'));
const { SalesRollup } = require(join(ANALYTICS, 'dist', 'sales', 'sales-rollup.js'));
const { TABLES } = require(join(ANALYTICS, 'dist', 'database.js'));
const { recordSalesConsumer } = require(join(ANALYTICS, 'dist', 'sales', 'order-events.consumer.js'));
const { createEvent, createInMemoryEventBus } = require(require.resolve('@techally/events', { paths: [ANALYTICS] }));
const { createLogger } = require(require.resolve('@techally/platform', { paths: [ANALYTICS] }));
const { createTestSigningKey, signTestToken } = require('@techally/testing');
const { createLocalJWKSet } = require(require.resolve('jose', { paths: [ANALYTICS] }));

const SERVER_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const DAYS = Number(process.env.DAYS ?? 365);
const ORDERS_PER_DAY = Number(process.env.ORDERS_PER_DAY ?? 300);
const PRODUCTS = Number(process.env.PRODUCTS ?? 200);
const CATEGORIES = Number(process.env.CATEGORIES ?? 12);
const WAREHOUSES = 3;
const EVENTS = Number(process.env.EVENTS ?? 100);
const QUERIES = Number(process.env.QUERIES ?? 400);
const WARMUP = Number(process.env.WARMUP ?? 40);
/** The groupings measured (GROUP_BY=NONE,CATEGORY to look at some only). */
const GROUP_BYS = (process.env.GROUP_BY ?? 'NONE,CATEGORY,WAREHOUSE,PRODUCT').split(',');
const FIRST_DAY = '2026-01-01';
const TARGET_P95_MS = 100;

const ROWS = `periodStart product { id } category { id } warehouse { id } currency ordersPlaced ordersPaid ordersCancelled
  cancellationsByReason { reason orders } units revenue { amount } averageOrderValue { amount } placedToPaidConversion refunded { amount }`;
const REPORT = `query BenchReport($from: String!, $to: String!, $granularity: ReportGranularity, $groupBy: SalesReportGroupBy) {
  salesReport(from: $from, to: $to, granularity: $granularity, groupBy: $groupBy) { rows { ${ROWS} } } }`;

const round = (value) => Math.round(value * 10) / 10;
function percentile(sorted, p) {
  return sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}
function summary(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  return { n: sorted.length, p50: round(percentile(sorted, 50)), p95: round(percentile(sorted, 95)), p99: round(percentile(sorted, 99)), max: round(sorted.at(-1) ?? NaN) };
}
const addDays = (day, n) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const uuid = (kind, n) => `00000000-0000-4000-8${kind}00-${String(n).padStart(12, '0')}`;

/** The year of facts, generated inside PostgreSQL (deterministic: hashes of the order number, no randomness). */
async function generateFacts(databaseUrl) {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  const started = performance.now();
  try {
    await client.query(`set search_path = analytics`);
    await client.query(
      `insert into product_category (product_id, valid_from, category_id)
       select ('00000000-0000-4000-8100-' || lpad(p::text, 12, '0'))::uuid, '2025-12-01'::timestamptz,
              ('00000000-0000-4000-8200-' || lpad((p % $1)::text, 12, '0'))::uuid from generate_series(1, $2) p
       union all
       select ('00000000-0000-4000-8100-' || lpad(p::text, 12, '0'))::uuid, '2026-07-01'::timestamptz,
              ('00000000-0000-4000-8200-' || lpad(((p + 1) % $1)::text, 12, '0'))::uuid from generate_series(1, $2) p where p % 5 = 0`,
      [CATEGORIES, PRODUCTS],
    );
    await client.query(
      `create temporary table gen as
       select n, ('00000000-0000-4000-8300-' || lpad(n::text, 12, '0'))::uuid as order_id,
              $1::timestamptz + ((n - 1) / $2) * interval '1 day' + (abs(hashint4(n)) % 86000) * interval '1 second' as placed_at,
              abs(hashint4(n * 7)) % 100 as fate, 1 + abs(hashint4(n * 13)) % 3 as lines
       from generate_series(1, $3::int) n`,
      [`${FIRST_DAY}T00:00:00Z`, ORDERS_PER_DAY, DAYS * ORDERS_PER_DAY],
    );
    await client.query(
      `insert into sales_order_line (order_id, product_id, quantity, revenue_amount, name)
       select distinct on (g.order_id, p) g.order_id, ('00000000-0000-4000-8100-' || lpad(p::text, 12, '0'))::uuid,
              1 + abs(hashint4(g.n * 31 + i)) % 3, (1 + abs(hashint4(g.n * 31 + i)) % 3) * (500 + (p * 37) % 9500), 'Product ' || p
       from gen g cross join lateral generate_series(1, g.lines) i
       cross join lateral (select 1 + abs(hashint4(g.n * 17 + i)) % $1 as p) pick
       order by g.order_id, p`,
      [PRODUCTS],
    );
    await client.query(
      `insert into sales_order (order_id, currency, total_amount, units, placed_at, paid_at, cancelled_at, cancel_reason, fulfilled_at)
       select g.order_id, 'USD', t.total, t.units, g.placed_at,
              case when g.fate < 85 then g.placed_at + interval '2 minutes' end,
              case when g.fate >= 85 then g.placed_at + interval '20 minutes' end,
              case when g.fate >= 85 then (array['PAYMENT_FAILED', 'OUT_OF_STOCK', 'CUSTOMER_REQUESTED', 'PAYMENT_TIMEOUT'])[1 + g.fate % 4] end,
              case when g.fate < 70 then g.placed_at + interval '1 day' end
       from gen g join (select order_id, sum(revenue_amount) as total, sum(quantity) as units from sales_order_line group by order_id) t using (order_id)`,
    );
    await client.query(
      `insert into sales_allocation (order_id, product_id, warehouse_id, quantity)
       select l.order_id, l.product_id, ('00000000-0000-4000-8400-' || lpad((abs(hashtext(l.order_id::text || l.product_id::text)) % ${WAREHOUSES})::text, 12, '0'))::uuid, l.quantity
       from sales_order_line l`,
    );
    await client.query(
      `insert into sales_refund (event_id, order_id, refunded_at, amount, reason)
       select gen_random_uuid(), g.order_id, g.placed_at + interval '3 days', case when g.fate % 2 = 0 then null else 500 end, 'DAMAGED'
       from gen g where g.fate < 2`,
    );
    await client.query(
      `insert into stock_level (product_id, warehouse_id, warehouse_code, on_hand, reserved, available, as_of)
       select ('00000000-0000-4000-8100-' || lpad(p::text, 12, '0'))::uuid, ('00000000-0000-4000-8400-' || lpad(w::text, 12, '0'))::uuid,
              'WH-' || w, 5 + p % 50, 1, 4 + p % 50, now() from generate_series(1, $1) p cross join generate_series(0, ${WAREHOUSES - 1}) w`,
      [PRODUCTS],
    );
    await client.query('analyze');
    const counts = (await client.query(`select (select count(*) from sales_order)::int as orders, (select count(*) from sales_order_line)::int as lines`)).rows[0];
    return { ...counts, seconds: round((performance.now() - started) / 1000) };
  } finally {
    await client.end();
  }
}

/** EVENTS more orders (placed, then paid) through the real consumer: the upkeep of the rollup on a full year. */
async function timeConsumer(orm) {
  const consumer = recordSalesConsumer(orm);
  const samples = [];
  for (let i = 0; i < EVENTS; i++) {
    const orderId = randomUUID();
    const day = addDays(FIRST_DAY, i % DAYS);
    const items = [{ productId: uuid(1, 1 + (i % PRODUCTS)), quantity: 2, unitPrice: { amount: 1500, currency: 'USD' } }];
    const payload = { orderId, customerId: randomUUID(), items, total: { amount: 3000, currency: 'USD' } };
    for (const [type, at] of [['orders.order-placed.v1', `${day}T12:00:00.000Z`], ['orders.order-paid.v1', `${day}T12:01:00.000Z`]]) {
      const envelope = createEvent(type, orderId, payload, {}, { occurredAt: new Date(at) });
      const started = performance.now();
      await consumer.handle(envelope, { deliveries: 1, group: 'analytics.record-sales', consumer: 'bench' });
      samples.push(performance.now() - started);
    }
  }
  return summary(samples);
}

/** Every groupBy × granularity × (the whole year | a stretch of 7 to 90 days), round-robin, QUERIES in all. */
function queryMix() {
  const shapes = [];
  for (const groupBy of GROUP_BYS) {
    for (const granularity of ['DAY', 'WEEK', 'MONTH']) for (const whole of [true, false]) shapes.push({ groupBy, granularity, whole });
  }
  const cases = [];
  for (let i = 0; cases.length < QUERIES; i++) {
    const { groupBy, granularity, whole } = shapes[i % shapes.length];
    const length = whole ? DAYS : Math.min(DAYS, 7 + ((i * 37) % 84));
    const from = whole ? FIRST_DAY : addDays(FIRST_DAY, (i * 53) % Math.max(1, DAYS - length + 1));
    cases.push({ label: `${groupBy} ${granularity} ${whole ? 'year' : 'stretch'}`, variables: { from, to: addDays(from, length - 1), granularity, groupBy } });
  }
  return cases;
}

async function post(url, token, variables) {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query: REPORT, variables }) });
  const body = await response.json();
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data.salesReport.rows.length;
}

async function main() {
  const name = `bench_analytics_${Date.now().toString(36)}`;
  const url = new URL(SERVER_URL);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  await adminSql(SERVER_URL, `create database "${name}"`);
  console.log(`database ${name}; ${DAYS} days × ${ORDERS_PER_DAY} orders, ${PRODUCTS} products, ${CATEGORIES} categories, ${WAREHOUSES} warehouses`);
  const logger = createLogger({ name: 'analytics', level: 'warn' });
  const key = await createTestSigningKey('bench-analytics');
  const bus = createInMemoryEventBus();
  const subgraph = await createAnalyticsSubgraph(
    loadAnalyticsConfig({ NODE_ENV: 'production', LOG_LEVEL: 'warn', DATABASE_URL: databaseUrl, DATABASE_POOL_MAX: '3', OUTBOX_LISTEN: 'false', JWT_ISSUER: 'bench', JWT_AUDIENCE: 'bench' }),
    { logger, accessTokenKeys: createLocalJWKSet({ keys: [key.publicJwk] }), processMetrics: false, bus },
  );
  const results = { date: new Date().toISOString(), machine: { cpus: cpus().length, loadavg: loadavg().map(round) }, settings: { DAYS, ORDERS_PER_DAY, PRODUCTS, CATEGORIES, WAREHOUSES, EVENTS, QUERIES, WARMUP } };
  try {
    await subgraph.migrate();
    results.facts = await generateFacts(databaseUrl);
    console.log(`facts: ${results.facts.orders} orders, ${results.facts.lines} lines in ${results.facts.seconds} s`);
    const connection = subgraph.orm.em.getConnection();
    let started = performance.now();
    await new SalesRollup(connection, TABLES).refreshAll();
    const rollupRows = (await connection.execute(`select "dimension", count(*)::int as n from ${TABLES.daily} group by 1 order by 1`)).map((row) => `${row.dimension} ${row.n}`);
    results.rollup = { seconds: round((performance.now() - started) / 1000), rows: rollupRows };
    console.log(`rollup computed from scratch in ${results.rollup.seconds} s (${rollupRows.join(', ')})`);
    results.consumer = await timeConsumer(subgraph.orm);
    console.log(`one event through the consumer on a full year (placed / paid; facts + the touched days' rollup): p50 ${results.consumer.p50} ms, p95 ${results.consumer.p95} ms`);

    const endpoint = await subgraph.listen(0, '127.0.0.1');
    const token = await signTestToken(key, { sub: randomUUID(), roles: ['ADMIN'], issuer: 'bench', audience: 'bench' });
    const mix = queryMix();
    for (const { variables } of mix.slice(0, WARMUP)) await post(endpoint, token, variables);
    const session = process.env.PROFILE === '1' ? new Session() : null;
    if (session) {
      session.connect();
      await session.post('Profiler.enable');
      await session.post('Profiler.start');
    }
    const byCase = new Map();
    const all = [];
    const rowsByCase = new Map();
    for (const { label, variables } of mix) {
      started = performance.now();
      const rows = await post(endpoint, token, variables);
      const ms = performance.now() - started;
      all.push(ms);
      byCase.set(label, [...(byCase.get(label) ?? []), ms]);
      rowsByCase.set(label, rows);
    }
    if (session) {
      const { profile } = await session.post('Profiler.stop');
      const self = new Map();
      const total = profile.samples.length;
      for (const id of profile.samples) {
        const node = profile.nodes.find((candidate) => candidate.id === id);
        const where = `${node.callFrame.functionName || '(anonymous)'} ${node.callFrame.url.split('/').slice(-2).join('/')}`;
        self.set(where, (self.get(where) ?? 0) + 1);
      }
      results.profile = [...self].sort((a, b) => b[1] - a[1]).slice(0, 15).map(([where, n]) => `${round((100 * n) / total)} % ${where}`);
      console.log('profile (self time):\n  ' + results.profile.join('\n  '));
    }
    results.queries = { overall: summary(all), cases: Object.fromEntries([...byCase].map(([label, samples]) => [label, { ...summary(samples), rows: rowsByCase.get(label) }])) };
    const yearDaily = GROUP_BYS.map((groupBy) => [groupBy, results.queries.cases[`${groupBy} DAY year`]]);
    console.log(`salesReport over HTTP, ${all.length} queries one at a time: p50 ${results.queries.overall.p50} ms, p95 ${results.queries.overall.p95} ms, p99 ${results.queries.overall.p99} ms`);
    for (const [label, figures] of Object.entries(results.queries.cases)) console.log(`  ${label.padEnd(24)} n ${String(figures.n).padStart(3)}  rows ${String(figures.rows).padStart(6)}  p50 ${figures.p50} ms  p95 ${figures.p95} ms`);
    results.target = { p95Ms: TARGET_P95_MS, yearOfDailyData: Object.fromEntries(yearDaily.map(([groupBy, figures]) => [groupBy, { p95: figures.p95, rows: figures.rows, met: figures.p95 < TARGET_P95_MS }])) };
    console.log(`target (< ${TARGET_P95_MS} ms for a year of daily data, p95): ${yearDaily.map(([g, f]) => `${g} ${f.p95} ms ${f.p95 < TARGET_P95_MS ? 'met' : 'MISSED'}`).join(', ')}`);
  } finally {
    await subgraph.stop();
    await bus.close();
    if (process.env.KEEP_DATABASE !== '1') await adminSql(SERVER_URL, `drop database "${name}" with (force)`);
  }
  mkdirSync(join(__dirname, '..', 'results'), { recursive: true });
  const file = join(__dirname, '..', 'results', `analytics-${new Date().toISOString().replace(/[-:]/g, '').slice(0, 15)}.json`);
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`written ${file}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
