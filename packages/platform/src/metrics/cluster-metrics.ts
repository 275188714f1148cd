import cluster from 'node:cluster';
import { AggregatorRegistry, type Registry } from 'prom-client';

/**
 * Set by a clustered service's primary on every worker it forks: the URL of the `/metrics` it serves for all of
 * them. Internal to `runClusteredService`, never an operator's setting.
 */
export const CLUSTER_METRICS_URL_VARIABLE = 'TECHALLY_CLUSTER_METRICS_URL';

/**
 * The primary's `/metrics` URL when this process is a worker of a clustered service, null otherwise. Such a
 * worker binds no metrics port: the workers share their ports through the primary, so each scrape would reach
 * one worker at random; the primary sums them instead (prom-client's AggregatorRegistry).
 */
export function clusterMetricsUrl(): string | null {
  return cluster.isWorker ? process.env[CLUSTER_METRICS_URL_VARIABLE] || null : null;
}

const reported = new Set<Registry>();
let answering = false;

/**
 * In a worker: answers the primary's requests for metrics (prom-client's protocol over the IPC channel) with the
 * registries reported so far, none at first. Called as soon as the worker starts, so a scrape during a worker's
 * boot gets what the others have rather than waiting for an answer that never comes (prom-client gives up after 5 s).
 */
export function answerPrimaryMetricsRequests(): void {
  if (answering) return;
  answering = true;
  new AggregatorRegistry(); // its constructor installs the worker's listener
  AggregatorRegistry.setRegistries([...reported]);
}

/** In a worker: adds `registry` to what the primary collects; the returned function takes it out again. */
export function reportToPrimary(registry: Registry): () => void {
  answerPrimaryMetricsRequests();
  reported.add(registry);
  AggregatorRegistry.setRegistries([...reported]);
  return () => {
    reported.delete(registry);
    AggregatorRegistry.setRegistries([...reported]);
  };
}

/** In the primary: every worker's metrics, summed per series (process gauges as prom-client's aggregators say). */
export function aggregatedWorkerMetrics(): { metrics(): Promise<string>; readonly contentType: string } {
  const aggregator = new AggregatorRegistry();
  return { metrics: () => aggregator.clusterMetrics(), contentType: aggregator.contentType };
}
