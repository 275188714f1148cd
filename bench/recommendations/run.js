#!/usr/bin/env node
// bench/recommendations (issue #14): judges the recommendations subgraph offline. Generates a shop's paid orders
// with a known structure (bench/recommendations/orders.js: bundles bought together, category affinities, a few
// best-sellers in many baskets), holds out the LAST order of every customer, trains on all the others through the
// subgraph's own code on a fresh database of its own (its migrations, `PurchaseFacts` — the writes its consumer
// makes per event — and `RecommendationQueries`, the statements its resolvers run), then asks, for each customer,
// `recommendedProducts(first: 10)` and a popularity baseline (the 10 best-sellers the customer has not bought), and
// scores both against the held-out order: precision@10 and recall@10. The relevant products are the held-out
// order's products the customer had not bought before (neither list may show a product already bought).
// Also: how often a best-seller tops a product's alsoBought list (the popularity penalty at work).
// Writes bench/results/recommendations-<date>.json and drops its database. About 30 s.
//
//   pnpm build && node bench/recommendations/run.js      (DATABASE_URL: the server, default the local one)
//   CUSTOMERS=3000 node bench/recommendations/run.js
//   KEEP_DATABASE=1 …                                  (leave the database for psql; its name is printed)
'use strict';
const { mkdirSync, writeFileSync } = require('node:fs');
const { cpus, loadavg } = require('node:os');
const { join } = require('node:path');
const { performance } = require('node:perf_hooks');
const { createRecommendationsOrm, PurchaseFacts, RecommendationQueries } = require('@techally/recommendations');
const { adminSql } = require('../lib/admin-sql');
const { generateShop } = require('./orders');

const SERVER_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const K = 10;
const TRAIN_BATCH = 100;
/** The bar: at least twice the baseline's precision@10. */
const TARGET_RATIO = 2;

function databaseUrlOf(name) {
  const url = new URL(SERVER_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

const round = (value, digits = 4) => Math.round(value * 10 ** digits) / 10 ** digits;
const mean = (values) => (values.length === 0 ? NaN : values.reduce((sum, value) => sum + value, 0) / values.length);

/** precision@K and recall@K of one list against the relevant products. */
function score(list, relevant) {
  const hits = list.slice(0, K).filter((id) => relevant.has(id)).length;
  return { precision: hits / K, recall: hits / relevant.size };
}

async function train(orm, shop, heldOut) {
  const started = performance.now();
  await orm.em.fork().transactional(async (tx) => {
    const facts = new PurchaseFacts(tx);
    for (const { productId, categoryId } of shop.productCategories) await facts.categorised(productId, categoryId, new Date(Date.UTC(2026, 0, 1)));
  });
  const training = shop.customers.flatMap((customer) => customer.orders.filter((order) => order !== heldOut.get(customer.customerId)));
  training.sort((a, b) => a.sequence - b.sequence);
  for (let start = 0; start < training.length; start += TRAIN_BATCH) {
    await orm.em.fork().transactional(async (tx) => {
      const facts = new PurchaseFacts(tx);
      for (const order of training.slice(start, start + TRAIN_BATCH)) {
        await facts.paid({ orderId: order.orderId, customerId: order.customerId, items: order.items.map((productId) => ({ productId, quantity: 1 })) }, new Date(Date.UTC(2026, 0, 2, 0, 0, order.sequence)));
      }
    });
  }
  return { orders: training.length, seconds: round((performance.now() - started) / 1000, 1) };
}

async function evaluate(queries, shop, heldOut) {
  const recommender = { precision: [], recall: [] };
  const baseline = { precision: [], recall: [] };
  let skipped = 0;
  const started = performance.now();
  for (const customer of shop.customers) {
    const bought = new Set(await queries.purchasedBy(customer.customerId));
    const relevant = new Set(heldOut.get(customer.customerId).items.filter((id) => !bought.has(id)));
    if (relevant.size === 0) {
      skipped++;
      continue;
    }
    const ours = score(await queries.forCustomer(customer.customerId, K), relevant);
    const popular = (await queries.popular(null, K + bought.size)).filter((id) => !bought.has(id)).slice(0, K);
    const theirs = score(popular, relevant);
    recommender.precision.push(ours.precision);
    recommender.recall.push(ours.recall);
    baseline.precision.push(theirs.precision);
    baseline.recall.push(theirs.recall);
  }
  const summary = (figures) => ({ precisionAt10: round(mean(figures.precision)), recallAt10: round(mean(figures.recall)) });
  return {
    customersEvaluated: recommender.precision.length,
    customersSkipped: skipped,
    msPerCustomer: round((performance.now() - started) / (recommender.precision.length + skipped), 2),
    recommender: summary(recommender),
    popularityBaseline: summary(baseline),
  };
}

/** How many products' alsoBought lists a best-seller tops, and how many hold one at all (of the non-best-sellers). */
async function bestSellerShare(queries, shop) {
  const bestSellers = new Set(shop.bestSellers);
  const products = shop.productCategories.map((row) => row.productId).filter((id) => !bestSellers.has(id));
  const lists = await queries.alsoBought(products, K);
  let topped = 0;
  let holding = 0;
  for (const list of lists.values()) {
    if (list.length > 0 && bestSellers.has(list[0])) topped++;
    if (list.some((id) => bestSellers.has(id))) holding++;
  }
  return { products: products.length, toppedByBestSeller: round(topped / products.length), holdingABestSeller: round(holding / products.length) };
}

async function main() {
  const shop = generateShop();
  const heldOut = new Map(shop.customers.map((customer) => [customer.customerId, customer.orders[customer.orders.length - 1]]));
  const name = `bench_recommendations_${Date.now()}`;
  await adminSql(SERVER_URL, `create database "${name}"`);
  console.log(`database ${name}`);
  const orm = await createRecommendationsOrm({ databaseUrl: databaseUrlOf(name), poolMax: 2 });
  try {
    await orm.getMigrator().up();
    const training = await train(orm, shop, heldOut);
    console.log(`trained on ${training.orders} orders in ${training.seconds} s (${shop.customers.length} customers, held out: their last order)`);
    const queries = new RecommendationQueries(orm.em.getConnection());
    const figures = await evaluate(queries, shop, heldOut);
    const share = await bestSellerShare(queries, shop);
    const ratio = round(figures.recommender.precisionAt10 / figures.popularityBaseline.precisionAt10, 2);
    console.log(`\n${figures.customersEvaluated} customers evaluated (${figures.customersSkipped} whose last order held only products bought before)`);
    console.log('                         precision@10   recall@10');
    console.log(`recommendedProducts      ${figures.recommender.precisionAt10.toFixed(4).padStart(12)}   ${figures.recommender.recallAt10.toFixed(4).padStart(9)}`);
    console.log(`popularity baseline      ${figures.popularityBaseline.precisionAt10.toFixed(4).padStart(12)}   ${figures.popularityBaseline.recallAt10.toFixed(4).padStart(9)}`);
    console.log(`ratio ${ratio}× the baseline's precision@10 (target ≥ ${TARGET_RATIO}×): ${ratio >= TARGET_RATIO ? 'met' : 'NOT MET'}`);
    console.log(`alsoBought of ${share.products} products: a best-seller tops ${(share.toppedByBestSeller * 100).toFixed(1)}% of the lists, is in ${(share.holdingABestSeller * 100).toFixed(1)}%`);
    const result = {
      bench: 'recommendations',
      at: new Date().toISOString(),
      machine: { cpus: cpus().length, loadavg: loadavg().map((value) => round(value, 2)) },
      shape: shop.shape,
      training,
      ...figures,
      precisionRatio: ratio,
      target: { precisionRatio: TARGET_RATIO, met: ratio >= TARGET_RATIO },
      alsoBought: share,
    };
    const dir = join(__dirname, '..', 'results');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `recommendations-${result.at.slice(0, 10)}.json`);
    writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
    console.log(`\nwrote ${file}`);
  } finally {
    await orm.close(true);
    if (process.env.KEEP_DATABASE !== '1') await adminSql(SERVER_URL, `drop database "${name}" with (force)`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
