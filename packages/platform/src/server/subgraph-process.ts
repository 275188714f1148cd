import type { Logger } from 'pino';
import type { SubgraphBaseConfig } from '../config/common-env';
import { runClusteredService } from './clustered-service';
import { defaultMetricsPort } from './metrics-server';
import type { SubgraphApp } from './subgraph-app';
import type { TracingConfig } from '../tracing/tracing-config';

export interface SubgraphProcessOptions<App extends SubgraphApp> {
  /** The subgraph's name (`products`). */
  readonly name: string;
  readonly config: Pick<SubgraphBaseConfig, 'port' | 'host' | 'metricsPort'>;
  /** SUBGRAPH_WORKERS, read with readWorkerCount. */
  readonly workers: number;
  readonly logger: Logger;
  /** The subgraph's composition root. */
  readonly create: () => Promise<App>;
  /** OpenTelemetry for each serving process (`loadTracingConfig(name)`); unset or without endpoint: none. */
  readonly tracing?: TracingConfig;
  /** What must happen once before anyone serves; default: the migrations. */
  readonly prepare?: (app: App) => Promise<void>;
}

/**
 * A subgraph's `main.ts`: migrate once, then serve on its port from one process or SUBGRAPH_WORKERS workers
 * (see runClusteredService), `/metrics` on its metrics port, drained on SIGTERM.
 */
export function runSubgraphProcess<App extends SubgraphApp>(options: SubgraphProcessOptions<App>): Promise<void> {
  const { config } = options;
  return runClusteredService({
    name: `${options.name} subgraph`,
    workers: options.workers,
    logger: options.logger,
    create: options.create,
    prepare: options.prepare ?? ((app) => app.migrate()),
    listen: (app) => app.listen(config.port, config.host),
    stop: (app) => app.stop(),
    metrics: { port: config.metricsPort ?? defaultMetricsPort(config.port), host: config.host },
    ...(options.tracing ? { tracing: options.tracing } : {}),
  });
}
