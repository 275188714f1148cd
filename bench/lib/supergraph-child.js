'use strict';
// Shared by the benches: the supergraph under test, started as a child process in production mode, in one of
// two shapes (SHAPE, default embedded):
//
//   SHAPE=embedded   the embedded launcher: gateway + six subgraphs in ONE process (`pnpm start`'s shape)
//   SHAPE=services   `pnpm start:services`: each subgraph and the gateway a process of its own, with
//                    GATEWAY_WORKERS / SUBGRAPH_WORKERS workers each (passed through; default 1), on the real
//                    PostgreSQL and Redis (REDIS_URL, default the local server), seeded with SEED_DEMO_DATA=true
//
// Either way on the same ports: the gateway on `port`, users … reviews on port + 1 … port + 6, and the gateway's
// /metrics on port + 7.
const { spawn } = require('node:child_process');
const { join, resolve } = require('node:path');
const { createInterface } = require('node:readline');
const { deleteRedisKeys } = require('./redis-keys');

const ROOT = resolve(__dirname, '../..');

/** The first admin the launcher creates; the benches sign in with it to adjust stock. */
const BENCH_ADMIN = Object.freeze({ email: 'admin@bench.local', password: 'bench owner passphrase 42' });

const SUBGRAPH_PORT_VARIABLES = ['USERS_PORT', 'PRODUCTS_PORT', 'INVENTORY_PORT', 'ORDERS_PORT', 'PAYMENTS_PORT', 'REVIEWS_PORT'];
const LOCAL_REDIS = 'redis://127.0.0.1:6379';
const SHAPES = ['embedded', 'services'];

/** The shape and worker counts this run uses, read once from the environment. */
function benchShape() {
  const shape = process.env.SHAPE?.trim() || 'embedded';
  if (!SHAPES.includes(shape)) throw new Error(`SHAPE must be embedded or services, got "${shape}"`);
  const workers = (variable) => {
    const text = process.env[variable]?.trim() || '1';
    if (!/^\d+$/.test(text) || Number(text) < 1) throw new Error(`${variable} must be a whole number from 1, got "${text}"`);
    return Number(text);
  };
  const gatewayWorkers = workers('GATEWAY_WORKERS');
  const subgraphWorkers = workers('SUBGRAPH_WORKERS');
  const label =
    shape === 'services'
      ? `services shape (a process per service): gateway ×${gatewayWorkers}, each subgraph ×${subgraphWorkers} worker(s)`
      : `embedded shape (gateway + 6 subgraphs in one process)${gatewayWorkers > 1 || subgraphWorkers > 1 ? '; GATEWAY_WORKERS/SUBGRAPH_WORKERS do not apply' : ''}`;
  return Object.freeze({ shape, gatewayWorkers, subgraphWorkers, label });
}

/**
 * Starts the supergraph on `databaseUrl` in this run's shape, its Redis keys (when it uses Redis) under
 * `keyPrefix`. `env` adds or overrides variables (a bus, a profiling hook's file); `nodeArgs` go before the
 * launcher's script (`-r hook.js`: embedded shape only, the services are processes of their own); `root` is the
 * built checkout to run (another one to compare against: product-page's BASELINE).
 *
 * Returns `{ pid, shape, metricsUrl, ready, stop }`: `ready` resolves once the launcher says every service is
 * ready (rejects if it exits first); `stop()` sends SIGTERM, waits for the exit (SIGKILL after 30 s) and deletes
 * the run's Redis keys. `pid` is the launcher's: in the services shape the services are its descendants.
 */
function spawnSupergraph({ port, databaseUrl, keyPrefix, env = {}, nodeArgs = [], root = ROOT }) {
  const { shape, subgraphWorkers } = benchShape();
  if (shape === 'services' && nodeArgs.length > 0) throw new Error('node arguments (a profiling hook) apply to the embedded shape only');
  const services = shape === 'services';
  const redisUrl = env.REDIS_URL !== undefined ? env.REDIS_URL : (process.env.REDIS_URL ?? (services ? LOCAL_REDIS : ''));
  if (services && !redisUrl) throw new Error('the services shape runs on Redis: REDIS_URL must not be empty');
  const script = services ? 'packages/supergraph/dist/start-services.js' : 'packages/supergraph/dist/start-embedded.js';
  const child = spawn(process.execPath, [...nodeArgs, join(root, script)], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      // Ten connections per subgraph in either shape (every worker has a pool of its own): PostgreSQL's default
      // max_connections is 100, and the shared machine's server is used by others too.
      DATABASE_POOL_MAX: String(Math.max(2, Math.ceil(10 / (services ? subgraphWorkers : 1)))),
      EVENTS_KEY_PREFIX: keyPrefix,
      LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
      // The benches send documents of their own, not the manifest's: first-party full text stays allowed (the
      // persisted-document rules still run on every request).
      PERSISTED_DOCUMENTS_FIRST_PARTY: 'any',
      APOLLO_TELEMETRY_DISABLED: '1',
      ADMIN_EMAIL: BENCH_ADMIN.email,
      ADMIN_PASSWORD: BENCH_ADMIN.password,
      JWT_SIGNING_KEY_FILE: join(root, '.data/bench-signing-key.json'),
      // Production requires the users subgraph's API-key lookup to be guarded; the gateway presents the same.
      API_KEY_LOOKUP_SECRET: 'bench-api-key-lookup-secret-0123456789',
      PORT: String(port),
      METRICS_PORT: String(port + 7),
      // One demo customer plays every shopper of a bench, with many orders unpaid at once.
      MAX_UNPAID_ORDERS_PER_CUSTOMER: '10000',
      MAX_UNPAID_UNITS_PER_PRODUCT: '10000',
      ...Object.fromEntries(SUBGRAPH_PORT_VARIABLES.map((variable, index) => [variable, String(port + 1 + index)])),
      ...(services ? { SEED_DEMO_DATA: 'true' } : {}),
      // Every bench client is 127.0.0.1: the gateway's rate limits stay on the path (their cost is measured) with
      // budgets no bench reaches; product-page's COMPARE_RATE_LIMITS=1 measures them off and on side by side.
      GATEWAY_RATE_LIMIT_ANONYMOUS: '100000000',
      GATEWAY_RATE_LIMIT_USER: '100000000',
      GATEWAY_RATE_LIMIT_CREDENTIALS: '100000000',
      ...env,
      REDIS_URL: redisUrl,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise((done) => child.once('exit', (code, signal) => done(signal ?? code)));
  // Both launchers print "… ready in N s" once every service answers. Of the rest of their stdout (JSON logs at
  // LOG_LEVEL=warn), errors and a crash's stack go to stderr: a failed request says why.
  const ready = new Promise((done, fail) => {
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (/ready in \d/.test(line)) done();
      else if (/"level":(50|60)/.test(line) || (!line.includes('{"level":') && /^(\[\w+\] |\s*at |\w*Error\b)/.test(line))) process.stderr.write(`${line}\n`);
    });
    exited.then((code) => fail(new Error(`the supergraph exited (${code}) before it was ready`)));
  });
  ready.catch(() => undefined); // a bench that never awaits it must not crash on the rejection

  return {
    pid: child.pid,
    shape,
    metricsUrl: `http://127.0.0.1:${port + 7}/metrics`,
    ready,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const killer = setTimeout(() => child.kill('SIGKILL'), 30_000);
        await exited;
        clearTimeout(killer);
      }
      if (redisUrl) await deleteRedisKeys(redisUrl, keyPrefix).catch((error) => console.error(`could not delete the Redis keys under ${keyPrefix}: ${error}`));
    },
  };
}

module.exports = { BENCH_ADMIN, ROOT, benchShape, spawnSupergraph };
