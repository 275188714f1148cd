#!/usr/bin/env node
// The per-request CPU cost of the gateway's operation limits (issue #11), measured alone: on a shared machine a
// load test cannot resolve a difference of a few per cent, a micro-benchmark can. Compare its figures with the
// CPU per request product-page measures (`cpuMsPerRequest`).
//
//   pnpm build && node bench/product-page/limits-micro.js      # ITERATIONS (default 20000)
//
// What a request pays over HTTP: the cost (every request: it depends on the variables) and the plugin's
// response hook. Once per document text (Apollo caches validated documents): armor's three rules in graphql's
// validation and the parser's token count. Over WebSocket every subscribe pays both.
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const { ROOT } = require('../lib/supergraph-child');

// The gateway's own graphql instance (its rules check `instanceof` against it).
const graphql = require(require.resolve('graphql', { paths: [join(ROOT, 'gateway')] }));
const { operationCost } = require(join(ROOT, 'gateway/dist/edge/limits/operation-cost'));
const { operationLimitRules } = require(join(ROOT, 'gateway/dist/edge/limits/operation-limit-rules'));
const { loadOperationLimits } = require(join(ROOT, 'gateway/dist/edge/limits/operation-limits-config'));

const ITERATIONS = Number(process.env.ITERATIONS ?? 20_000);
const schema = graphql.buildSchema(readFileSync(join(ROOT, 'schema/api.graphql'), 'utf8'));
const limits = loadOperationLimits({}, true);
const rules = operationLimitRules(limits);

const OPERATIONS = {
  'storefront listing (bench)': `{ products(first: 20) { totalCount edges { node { id name slug price { formatted }
    category { name } inStock inventory { available } rating { average count } } } } }`,
  // The largest document the clients send (clients/operations, as the persisted-documents manifest has it).
  'largest client document': Object.values(JSON.parse(readFileSync(join(ROOT, 'clients/persisted-documents.json'), 'utf8'))).sort(
    (a, b) => b.length - a.length,
  )[0],
};

/**
 * Mean CPU microseconds (user + system, this process) of `work` over ITERATIONS runs, after a warm-up of as
 * many: CPU time, not wall time, so that other work on a shared machine inflates it less.
 */
function time(work) {
  for (let i = 0; i < ITERATIONS; i++) work();
  const start = process.cpuUsage();
  for (let i = 0; i < ITERATIONS; i++) work();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / ITERATIONS;
}

const rows = [];
for (const [name, text] of Object.entries(OPERATIONS)) {
  const document = graphql.parse(text);
  const variables = { first: 20, reviewsFirst: 5 };
  const row = {
    operation: name,
    'cost (µs, every request)': time(() => operationCost(schema, document, variables, undefined)),
    'armor rules (µs, once per text)': time(() => graphql.validate(schema, document, rules)),
    'parse with maxTokens (µs)': time(() => graphql.parse(text, { maxTokens: limits.maxTokens })),
    'parse (µs)': time(() => graphql.parse(text)),
    "graphql's own validation (µs, once per text)": time(() => graphql.validate(schema, document)),
  };
  for (const key of Object.keys(row)) if (typeof row[key] === 'number') row[key] = Number(row[key].toFixed(2));
  rows.push(row);
}
console.table(rows);
console.log(`${ITERATIONS} iterations each, node ${process.version}; CPU time of this process (a busy machine still slows it: caches, frequency).`);
