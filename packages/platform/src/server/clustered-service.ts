import cluster, { type Worker } from 'node:cluster';
import type { Logger } from 'pino';
import { aggregatedWorkerMetrics, answerPrimaryMetricsRequests, CLUSTER_METRICS_URL_VARIABLE } from '../metrics/cluster-metrics';
import { createMetricsServer } from './metrics-server';
import { startTracing, type Tracing } from '../tracing/start-tracing';
import type { TracingConfig } from '../tracing/tracing-config';
import { DEFAULT_STOP_DEADLINE_MS, stopOnTerminationSignals } from './termination';

/** How one service process is built, prepared, served and stopped; `runClusteredService` decides where each runs. */
export interface ClusteredServiceOptions<Service> {
  /** For logs: `products`, `gateway`. */
  readonly name: string;
  /** Processes serving the port (GATEWAY_WORKERS, SUBGRAPH_WORKERS; see readWorkerCount). 1: no cluster at all. */
  readonly workers: number;
  readonly logger: Logger;
  /** Builds the service, not listening yet (a subgraph's composition root). */
  readonly create: () => Promise<Service>;
  /** What must happen once per start, before any process serves: migrations. Run by the first worker alone. */
  readonly prepare?: (service: Service) => Promise<void>;
  /** Starts serving (and the service's background work); resolves with its URL. */
  readonly listen: (service: Service) => Promise<string>;
  /** Drains and closes everything `create` and `listen` opened. */
  readonly stop: (service: Service) => Promise<void>;
  /** Where the primary serves `/metrics` for every worker, summed (the service's METRICS_PORT). */
  readonly metrics: { readonly port: number; readonly host: string };
  /**
   * A crash loop ends: more than `max` workers exiting unexpectedly within `windowMs` stop the whole service
   * with exit code 1 (default 5 within 60 s), for the supervisor above to see.
   */
  readonly restartLimit?: { readonly max: number; readonly windowMs: number };
  /** How long stopping may take before the stragglers are killed (default: a single process's deadline). */
  readonly stopDeadlineMs?: number;
  /** OpenTelemetry for each serving process (see startTracing): started before `create`, flushed after `stop`. */
  readonly tracing?: TracingConfig;
}

export const DEFAULT_RESTART_LIMIT = Object.freeze({ max: 5, windowMs: 60_000 });

/** What a worker tells the primary once it serves. */
const READY_MESSAGE = 'techally:worker-ready';
/** Set on the one worker that runs `prepare` before it serves. */
const PREPARE_VARIABLE = 'TECHALLY_CLUSTER_PREPARE';

/**
 * Runs one service as `node dist/main.js` does, in one process or as a node:cluster of `workers` processes
 * sharing its port (the primary accepts connections and hands them round-robin to the workers).
 *
 * - One worker: create → prepare → listen in this process, drained on SIGTERM/SIGINT (no cluster, as before).
 * - The primary builds no service (it stays small): it serves `/metrics` for every worker on the metrics port (a
 *   worker binding it would answer a scrape with its own figures only) and forks one worker that prepares
 *   (migrations must not run N times at once) and serves; once that one serves, the others. If the preparing
 *   worker fails, the primary stops and exits 1 at once (a failed migration does not heal by retrying). A worker
 *   that dies later is replaced; more than `restartLimit.max` deaths within its window stop every worker and
 *   exit 1. SIGTERM/SIGINT drain every worker; the primary exits once they all have (0 when each stopped cleanly).
 * - A worker: create → (prepare, the first) → listen, drained on SIGTERM/SIGINT. Each worker is a whole instance, background work
 *   included: the graph's services are already safe as replicas (an outbox relay publishes under an advisory
 *   lock, consumer groups share their stream, sweeps change a row only when it is still in the state they read,
 *   seeds and the first administrator take locks or tolerate a twin), so a worker is one replica more.
 */
export async function runClusteredService<Service>(options: ClusteredServiceOptions<Service>): Promise<void> {
  if (cluster.isWorker) return runWorker(options);
  if (options.workers <= 1) return runAlone(options);
  return runPrimary(options);
}

async function runAlone<Service>(options: ClusteredServiceOptions<Service>): Promise<void> {
  const tracing = startProcessTracing(options);
  const service = await options.create();
  await options.prepare?.(service);
  const url = await options.listen(service);
  options.logger.info({ url }, `${options.name} ready`);
  stopOnTerminationSignals(() => stopTraced(options, service, tracing), options.logger, options.stopDeadlineMs);
}

function startProcessTracing(options: Pick<ClusteredServiceOptions<unknown>, 'tracing' | 'logger' | 'name'>): Tracing | null {
  if (!options.tracing) return null;
  const tracing = startTracing(options.tracing);
  if (tracing.enabled) options.logger.info({ otlpEndpoint: options.tracing.otlpEndpoint }, `${options.name}: tracing exported over OTLP`);
  return tracing;
}

/** The service drains first (its last requests' spans end), then the spans still buffered are exported. */
async function stopTraced<Service>(options: ClusteredServiceOptions<Service>, service: Service, tracing: Tracing | null): Promise<void> {
  try {
    await options.stop(service);
  } finally {
    await tracing?.shutdown().catch((error: unknown) => options.logger.warn({ err: error }, 'exporting the last spans failed'));
  }
}

async function runWorker<Service>(options: ClusteredServiceOptions<Service>): Promise<void> {
  answerPrimaryMetricsRequests();
  const tracing = startProcessTracing(options);
  const service = await options.create();
  if (process.env[PREPARE_VARIABLE] === '1') await options.prepare?.(service);
  const url = await options.listen(service);
  options.logger.info({ url, worker: cluster.worker?.id, pid: process.pid }, `${options.name} worker ready`);
  process.send?.({ type: READY_MESSAGE, url });
  stopOnTerminationSignals(() => stopTraced(options, service, tracing), options.logger, options.stopDeadlineMs);
}

async function runPrimary<Service>(options: ClusteredServiceOptions<Service>): Promise<void> {
  const { logger, name, workers } = options;
  const limit = options.restartLimit ?? DEFAULT_RESTART_LIMIT;
  const deadlineMs = options.stopDeadlineMs ?? DEFAULT_STOP_DEADLINE_MS;
  const metricsServer = createMetricsServer(aggregatedWorkerMetrics());
  const metricsUrl = await metricsServer.listen(options.metrics.port, options.metrics.host);

  let stopping = false;
  let cleanStop = true;
  const deaths: number[] = [];
  const ready = new Set<number>();
  let announced = false;
  let preparing: Worker | null = null;

  const fork = (replacing?: Worker): Worker => {
    const prepares = ready.size === 0; // nobody served yet: this worker runs `prepare` first
    const worker = cluster.fork({ [CLUSTER_METRICS_URL_VARIABLE]: metricsUrl, [PREPARE_VARIABLE]: prepares ? '1' : '0' });
    if (prepares) preparing = worker;
    worker.on('message', (message: { type?: string; url?: string }) => {
      if (message?.type !== READY_MESSAGE) return;
      ready.add(worker.id);
      if (worker === preparing) {
        preparing = null;
        for (let index = 1; index < workers; index++) fork();
      }
      const serving = liveWorkers().filter((live) => ready.has(live.id)).length;
      if (!announced && serving === workers) {
        announced = true;
        logger.info({ url: message.url, workers, metricsUrl }, `${name} ready (${workers} workers)`);
      } else if (announced && replacing) {
        logger.info({ worker: worker.id, pid: worker.process.pid, replaced: replacing.id }, `${name}: a new worker replaced the one that died`);
      }
    });
    return worker;
  };

  const liveWorkers = () => Object.values(cluster.workers ?? {}).filter((worker): worker is Worker => worker !== undefined);

  const finish = async (): Promise<void> => {
    await metricsServer.stop();
    process.exit(cleanStop ? 0 : 1);
  };

  const shutdown = (reason: string, failed: boolean): void => {
    if (stopping) return;
    stopping = true;
    if (failed) cleanStop = false;
    logger.info({ reason, workers: liveWorkers().length }, `${name}: stopping every worker`);
    setTimeout(() => {
      logger.error({ deadlineMs }, `${name}: workers still running at the stop deadline; killing them`);
      for (const worker of liveWorkers()) worker.process.kill('SIGKILL');
      process.exit(1);
    }, deadlineMs + 2_000).unref();
    const running = liveWorkers();
    if (running.length === 0) void finish();
    for (const worker of running) worker.process.kill('SIGTERM');
  };

  cluster.on('exit', (worker, code, signal) => {
    if (stopping) {
      // A worker stopped mid-boot (before its own handler was installed) dies of the signal itself: still clean.
      const clean = code === 0 || signal === 'SIGTERM' || signal === 'SIGINT';
      if (!clean) {
        cleanStop = false;
        logger.error({ worker: worker.id, code, signal }, `${name}: a worker did not stop cleanly`);
      }
      if (liveWorkers().length === 0) void finish();
      return;
    }
    if (worker === preparing) {
      logger.error({ worker: worker.id, code, signal }, `${name}: the first worker failed before it served (see its error above)`);
      shutdown('the first worker failed to prepare', true);
      return;
    }
    const now = Date.now();
    deaths.push(now);
    while (deaths.length > 0 && deaths[0]! < now - limit.windowMs) deaths.shift();
    logger.error({ worker: worker.id, pid: worker.process.pid, code, signal }, `${name}: a worker exited unexpectedly`);
    if (deaths.length > limit.max) {
      shutdown(`${deaths.length} workers died within ${limit.windowMs} ms: a crash loop`, true);
      return;
    }
    fork(worker);
  });
  process.once('SIGTERM', () => shutdown('SIGTERM', false));
  process.once('SIGINT', () => shutdown('SIGINT', false));

  fork();
}
