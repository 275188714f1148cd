import { join } from 'node:path';
import { createEventBus, loadEventBusConfig } from '@techally/events';
import { createGateway, loadGatewayConfig } from '@techally/gateway';
import { createLogger, memoryRevocations, startEmbeddedPostgres, type EmbeddedPostgres, type Logger, type SubgraphApp } from '@techally/platform';
import { localGraphEnv } from './local-graph-env';
import { SUBGRAPHS } from './subgraph-registry';

export { EMBEDDED_DEFAULTS } from './local-graph-env';

export interface EmbeddedSupergraphOptions {
  readonly env: Record<string, string | undefined>;
  /** Where PGlite keeps its data and the users subgraph its signing key. */
  readonly dataDir: string;
  readonly logger?: Logger;
}

export interface RunningSupergraph {
  readonly gatewayUrl: string;
  readonly subgraphs: ReadonlyArray<{ readonly name: string; readonly url: string }>;
  stop(): Promise<void>;
}

/**
 * Every subgraph and the gateway in one process. Without DATABASE_URL it serves them from an embedded PGlite
 * under `dataDir`; with it, from that server. Each subgraph is migrated, seeded when empty, and started on its
 * port (4001, 4002, ...), then the gateway on PORT (4000) with the committed supergraph.
 */
export async function startEmbeddedSupergraph(options: EmbeddedSupergraphOptions): Promise<RunningSupergraph> {
  const logger = options.logger ?? createLogger({ name: 'supergraph', level: (options.env['LOG_LEVEL'] as never) ?? 'info' });
  const stack: Array<() => Promise<void>> = [];
  const stop = async () => {
    for (const close of stack.reverse().splice(0)) await close().catch((error: unknown) => logger.error({ err: error }, 'stop failed'));
  };
  try {
    const embeddedEventDefaults: Record<string, string> = {};
    let databaseUrl = options.env['DATABASE_URL'];
    let poolMax = options.env['DATABASE_POOL_MAX'] ?? '5';
    if (!databaseUrl) {
      const pglite: EmbeddedPostgres = await startEmbeddedPostgres({
        dataDir: join(options.dataDir, 'pglite'),
        // One pool of one connection per subgraph, plus room for a migrator and a psql session.
        maxConnections: SUBGRAPHS.length + 4,
      });
      stack.push(() => pglite.stop());
      databaseUrl = pglite.url;
      poolMax = '1';
      // PGlite's socket has no LISTEN/NOTIFY worth relying on: the outbox relays poll, often (one process, cheap).
      embeddedEventDefaults.OUTBOX_LISTEN = 'false';
      embeddedEventDefaults.OUTBOX_POLL_INTERVAL_MS = '100';
      logger.info({ dataDir: options.dataDir }, 'embedded PostgreSQL (PGlite) started');
    }

    const local = localGraphEnv(options.env, options.dataDir);
    const ports = local.ports;
    const baseEnv: Record<string, string | undefined> = {
      ...embeddedEventDefaults,
      ...local.env,
      DATABASE_URL: databaseUrl,
      DATABASE_POOL_MAX: poolMax,
    };

    // One bus for every subgraph of the process: in memory without REDIS_URL (events never leave the process),
    // Redis Streams with it. Closed last, after every subgraph stopped consuming.
    const bus = createEventBus(loadEventBusConfig(baseEnv), { logger: logger.child({ service: 'events' }) });
    stack.push(() => bus.close());
    // API-key revocations from users to the gateway: over REDIS_URL when set (each opens its own), else in memory.
    const apiKeyRevocations = baseEnv['REDIS_URL']?.trim() ? undefined : memoryRevocations();

    const started: Array<{ name: string; url: string }> = [];
    for (const definition of SUBGRAPHS) {
      // METRICS_PORT is the gateway's here: each subgraph serves its metrics beside its own port (port + 5464).
      const subgraphEnv = { ...baseEnv, METRICS_PORT: undefined };
      const app: SubgraphApp = await definition.create(subgraphEnv, logger.child({ service: definition.name }), {
        bus,
        ...(apiKeyRevocations ? { apiKeyRevocations } : {}),
      });
      stack.push(() => app.stop());
      await app.migrate();
      // With its history on the bus, so a fresh start's recommendations and dashboards know the demo shop.
      await app.seed({ publishHistory: true });
      const url = await app.listen(ports.get(definition.name) as number, baseEnv['HOST'] ?? '127.0.0.1');
      started.push({ name: definition.name, url });
    }

    const gateway = await createGateway(loadGatewayConfig(baseEnv), {
      logger: logger.child({ service: 'gateway' }),
      bus, // the response cache hears the subgraphs' changes on it
      ...(apiKeyRevocations ? { apiKeyRevocations } : {}),
    });
    stack.push(() => gateway.stop());
    const gatewayUrl = await gateway.listen();
    return { gatewayUrl, subgraphs: started, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
