'use strict';
// A tiny clustered service for clustered-service.int.test.ts: `node tiny-cluster.js` with WORKERS, PORT and
// METRICS_PORT. Each worker answers `GET /` with its pid and counts requests in a metric; `GET /crash` kills the
// worker that takes it; CRASH_ON_START=1 makes every worker but the first fail while it starts (a crash loop), PREPARE_FAILS=1 makes
// `prepare` fail. `prepare`
// prints a line of its own, so the test can count how often it ran. Runs the BUILT platform (pnpm build).
const cluster = require('node:cluster');
const { createServer } = require('node:http');
const { Counter, Registry } = require('prom-client');
// The modules alone, not the package's index: it loads the ORM and GraphQL, seconds per worker on a busy machine.
const { createLogger } = require('../../../../dist/logging/logger.js');
const { createMetricsServer } = require('../../../../dist/server/metrics-server.js');
const { runClusteredService } = require('../../../../dist/server/clustered-service.js');

const env = process.env;
const logger = createLogger({ name: 'tiny', level: 'info' });

runClusteredService({
  name: 'tiny',
  workers: Number(env.WORKERS),
  logger,
  restartLimit: { max: Number(env.RESTART_MAX ?? 5), windowMs: 60_000 },
  async create() {
    if (env.CRASH_ON_START === '1' && cluster.worker.id > 1) throw new Error('cannot start');
    const registry = new Registry();
    const served = new Counter({ name: 'tiny_requests_total', help: 'requests', registers: [registry] });
    const server = createServer((request, response) => {
      if (request.url === '/crash') process.exit(3);
      served.inc();
      response.setHeader('connection', 'close');
      response.end(JSON.stringify({ pid: process.pid }));
    });
    return { server, metrics: createMetricsServer(registry) };
  },
  async prepare() {
    if (env.PREPARE_FAILS === '1') throw new Error('the migrations failed');
    process.stdout.write(JSON.stringify({ msg: 'prepared', pid: process.pid }) + '\n');
  },
  async listen({ server, metrics }) {
    await new Promise((resolve) => server.listen(Number(env.PORT), '127.0.0.1', resolve));
    await metrics.listen(Number(env.METRICS_PORT), '127.0.0.1');
    return `http://127.0.0.1:${env.PORT}/`;
  },
  async stop({ server, metrics }) {
    await new Promise((resolve) => server.close(resolve));
    await metrics.stop();
  },
  metrics: { port: Number(env.METRICS_PORT), host: '127.0.0.1' },
}).catch((error) => {
  console.error(error.message);
  process.exit(1);
});
