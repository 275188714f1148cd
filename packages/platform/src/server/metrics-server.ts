import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Registry } from 'prom-client';
import { clusterMetricsUrl, reportToPrimary } from '../metrics/cluster-metrics';

/** The offset of a service's default metrics port from its HTTP port: the gateway's 4000 → 9464 (Prometheus' usual). */
const METRICS_PORT_OFFSET = 5_464;
const EPHEMERAL_FROM = 10_000;

/**
 * Where a service serves `/metrics` when METRICS_PORT is not set: its HTTP port + 5464 (gateway 4000 → 9464,
 * users 4001 → 9465, …), so services sharing a machine never collide. An HTTP port of 0 or from 10000 up (tests
 * and their free ports) gets an ephemeral metrics port (read it from `metricsUrl`); set METRICS_PORT there.
 */
export function defaultMetricsPort(httpPort: number): number {
  // An ephemeral HTTP port (0, or a high one a test picked) has no fixed place: its metrics neither.
  return httpPort === 0 || httpPort >= EPHEMERAL_FROM ? 0 : httpPort + METRICS_PORT_OFFSET;
}

export interface MetricsServer {
  /** Starts listening; resolves with the `/metrics` URL. */
  listen(port: number, host: string): Promise<string>;
  stop(): Promise<void>;
}

/** What a metrics server serves: a prom-client registry, or the sum of a cluster's workers. */
export interface MetricsSource {
  metrics(): Promise<string>;
  readonly contentType: string;
}

/**
 * `/metrics` on a port of its own, never on the public one: the figures (operation names, volumes, process
 * internals) are for the scraper on the internal network, not for every client (issue #9, item 14).
 *
 * In a worker of a clustered service (`runClusteredService`) nothing is bound: the registry is reported to the
 * primary, which serves every worker's figures summed on the metrics port, and `listen` answers that URL.
 */
export function createMetricsServer(source: MetricsSource): MetricsServer {
  let stopReporting: (() => void) | null = null;
  const server = createServer((request, response) => {
    if (request.method !== 'GET' || new URL(request.url ?? '/', 'http://localhost').pathname !== '/metrics') {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('only GET /metrics is served here\n');
      return;
    }
    source.metrics().then(
      (text) => response.writeHead(200, { 'content-type': source.contentType }).end(text),
      () => response.writeHead(500).end(),
    );
  });
  server.keepAliveTimeout = 5_000;
  return {
    async listen(port, host) {
      const primaryUrl = clusterMetricsUrl();
      if (primaryUrl && source instanceof Registry) {
        stopReporting ??= reportToPrimary(source);
        return primaryUrl;
      }
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          resolve();
        });
      });
      const shownHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
      return `http://${shownHost}:${(server.address() as AddressInfo).port}/metrics`;
    },
    async stop() {
      stopReporting?.();
      stopReporting = null;
      if (!server.listening) return;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections(); // a scrape is cheap to lose; stopping must not wait for one
      await closed;
    },
  };
}
