#!/usr/bin/env node
// The gateway's rate-limit decision alone (issue #11): CPU time per request of `RateLimits.admit` with the memory
// counters (embedded start) and with the Redis counters (REDIS_URL, default the local server), 50 decisions in
// flight at a time as under the product-page load. CPU time is what a shared, busy machine distorts least; set it
// beside the CPU a request costs through the gateway (run.js: "CPU … ms/request").
//
//   pnpm build && node bench/product-page/rate-limit-cost.js          DECISIONS=20000 CLIENTS=1000
'use strict';
const { randomUUID } = require('node:crypto');
const { createRequire } = require('node:module');
const { join } = require('node:path');

const gatewayRequire = createRequire(join(__dirname, '../../gateway/package.json'));
const { RateLimits } = require('../../gateway/dist/edge/rate-limits/rate-limits');
const { loadRateLimitConfig } = require('../../gateway/dist/edge/rate-limits/rate-limit-config');
const { createLogger } = require('../../packages/platform/dist');
const { buildSchema, getOperationAST, parse } = gatewayRequire('graphql');
const { Registry } = gatewayRequire('prom-client');

const DECISIONS = Number(process.env.DECISIONS ?? 20_000);
const CLIENTS = Number(process.env.CLIENTS ?? 1_000);
const IN_FLIGHT = 50;
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

const schema = buildSchema('type Query { products(first: Int): [Int] }');
const document = parse('{ products(first: 20) }');
const operation = { schema, document, definition: getOperationAST(document), variables: {}, operationName: undefined };

async function measure(label, redisUrl) {
  const prefix = `bench-rate-limit-${randomUUID()}`;
  const limits = new RateLimits({
    config: loadRateLimitConfig({ GATEWAY_RATE_LIMIT_ANONYMOUS: '100000000', GATEWAY_RATE_LIMIT_KEY_PREFIX: prefix }, 'bench'),
    trustedProxies: 0,
    costOf: () => 1,
    redisUrl,
    registry: new Registry(),
    logger: createLogger({ name: 'bench', level: 'silent' }),
  });
  const request = (index) => ({ headers: {}, remoteAddress: `10.0.${(index % CLIENTS) >> 8}.${index % 256}`, viewer: null, partner: null, operation });
  for (let index = 0; index < 2_000; index++) await limits.admit(request(index)); // warm-up: JIT, connection
  const cpuBefore = process.cpuUsage();
  const started = process.hrtime.bigint();
  let refused = 0;
  for (let next = 0; next < DECISIONS; next += IN_FLIGHT) {
    const batch = await Promise.all(Array.from({ length: Math.min(IN_FLIGHT, DECISIONS - next) }, (_, offset) => limits.admit(request(next + offset))));
    refused += batch.filter(Boolean).length;
  }
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  const cpu = process.cpuUsage(cpuBefore);
  await limits.close();
  const row = {
    counters: label,
    decisions: DECISIONS,
    refused,
    cpuMicrosecondsPerDecision: Number(((cpu.user + cpu.system) / DECISIONS).toFixed(1)),
    decisionsPerSecond: Math.round(DECISIONS / (wallMs / 1000)),
  };
  console.log(JSON.stringify(row));
  return row;
}

(async () => {
  await measure('memory (embedded)', undefined);
  await measure('redis', REDIS_URL);
})().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
