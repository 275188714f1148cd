'use strict';
// Shared by the benches: the supergraph under test is the embedded launcher (gateway + six subgraphs in ONE
// process) started as a child process in production mode, on ports PORT (gateway) … PORT + 6 (reviews).
const { spawn } = require('node:child_process');
const { join, resolve } = require('node:path');

const ROOT = resolve(__dirname, '../..');

/** The first admin the launcher creates; the benches sign in with it to adjust stock. */
const BENCH_ADMIN = Object.freeze({ email: 'admin@bench.local', password: 'bench owner passphrase 42' });

const SUBGRAPH_PORT_VARIABLES = ['USERS_PORT', 'PRODUCTS_PORT', 'INVENTORY_PORT', 'ORDERS_PORT', 'PAYMENTS_PORT', 'REVIEWS_PORT'];

/**
 * Starts the supergraph on `databaseUrl`, its Redis keys (when REDIS_URL is set) under `keyPrefix`. `env` adds
 * or overrides variables (a bus, a profiling hook's file); `nodeArgs` go before the script (`-r hook.js`);
 * `root` is the checkout whose build runs (another one, built, for a before/after comparison in one run).
 */
function spawnSupergraph({ port, databaseUrl, keyPrefix, env = {}, nodeArgs = [], root = ROOT }) {
  return spawn(process.execPath, [...nodeArgs, join(root, 'packages/supergraph/dist/start-embedded.js')], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      DATABASE_POOL_MAX: '10',
      EVENTS_KEY_PREFIX: keyPrefix,
      LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
      ADMIN_EMAIL: BENCH_ADMIN.email,
      ADMIN_PASSWORD: BENCH_ADMIN.password,
      JWT_SIGNING_KEY_FILE: join(ROOT, '.data/bench-signing-key.json'),
      PORT: String(port),
      // One demo customer plays every shopper of a bench, with many orders unpaid at once.
      MAX_UNPAID_ORDERS_PER_CUSTOMER: '10000',
      MAX_UNPAID_UNITS_PER_PRODUCT: '10000',
      ...Object.fromEntries(SUBGRAPH_PORT_VARIABLES.map((variable, index) => [variable, String(port + 1 + index)])),
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

module.exports = { BENCH_ADMIN, ROOT, spawnSupergraph };
