import type { GraphQLSchema } from 'graphql';
import type { JWTVerifyGetKey } from 'jose';
import type { Logger } from 'pino';
import { createAccessTokenVerifier, type AccessTokenVerifier } from '../auth/jwt-verifier';
import type { SubgraphBaseConfig } from '../config/common-env';
import { isDatabaseReachable, migrate, type SubgraphOrm } from '../db/create-orm';
import { startWorkers, type BackgroundWorker } from './background-worker';
import type { RouteHandler } from './graphql-http-server';
import type { RequestInfo } from './request-info';
import type { DemoSeedOptions, SubgraphApp } from './subgraph-app';
import { createSubgraphServer } from './subgraph-server';

/** What every subgraph's composition root accepts besides its configuration. */
export interface SubgraphAppOptions {
  /** Defaults to a JSON logger at the configured level. */
  readonly logger?: Logger;
  /** Where access-token signing keys come from. Defaults to the users subgraph's JWKS; tests pass a local key set. */
  readonly accessTokenKeys?: JWTVerifyGetKey;
  /** Whether this server reports process-wide metrics (false when several services share one process). */
  readonly processMetrics?: boolean;
}

export interface SubgraphAssembly<Name extends string, Context extends object> {
  readonly name: Name;
  readonly config: SubgraphBaseConfig;
  /** The subgraph's open ORM; closed here if the rest of the assembly fails. */
  readonly orm: SubgraphOrm;
  readonly logger: Logger;
  readonly options: SubgraphAppOptions;
  readonly buildSchema: () => Promise<GraphQLSchema>;
  /** The request-context factory, given the verifier of this subgraph's access tokens. */
  readonly createContext: (verifier: AccessTokenVerifier) => (request: RequestInfo) => Promise<Context>;
  /** Loads the demo data when the subgraph's tables are empty. */
  readonly seed: (options?: DemoSeedOptions) => Promise<void>;
  /** Plain HTTP routes beside `/graphql` (a provider's webhook). */
  readonly routes?: Readonly<Record<string, RouteHandler>>;
  /** Started once the server listens, stopped before the pool closes (relay, consumers, sweepers). */
  readonly workers?: ReadonlyArray<BackgroundWorker>;
  /** Closed last, after the pool (an event bus the subgraph opened itself). */
  readonly closeables?: ReadonlyArray<() => Promise<void>>;
}

/**
 * The part of every subgraph's composition root that is the same everywhere: the token verifier, the HTTP
 * server with readiness on the database, and the SubgraphApp life cycle. The subgraph wires its own
 * collaborators (service clients, providers) into `createContext`.
 */
export async function assembleSubgraph<Name extends string, Context extends object>(
  assembly: SubgraphAssembly<Name, Context>,
): Promise<SubgraphApp & { readonly name: Name }> {
  const { name, config, orm, logger, options } = assembly;
  try {
    const verifier = createAccessTokenVerifier({
      keys: options.accessTokenKeys ?? new URL(config.jwksUrl),
      issuer: config.jwtIssuer,
      audience: config.jwtAudience,
    });
    const server = await createSubgraphServer({
      name,
      schema: await assembly.buildSchema(),
      logger,
      createContext: assembly.createContext(verifier),
      isReady: () => isDatabaseReachable(orm),
      processMetrics: options.processMetrics ?? true,
      ...(assembly.routes ? { routes: assembly.routes } : {}),
    });
    let stopWorkers: (() => Promise<void>) | null = null;
    const closeAll = async () => {
      for (const close of assembly.closeables ?? []) await close();
    };
    return {
      name,
      orm,
      get metricsUrl() {
        return server.metricsUrl;
      },
      migrate: () => migrate(orm),
      seed: assembly.seed,
      async listen(port, host) {
        const url = await server.listen(port, host ?? config.host, config.metricsPort);
        stopWorkers ??= await startWorkers(assembly.workers ?? []);
        return url;
      },
      async stop() {
        await server.stop();
        await stopWorkers?.();
        stopWorkers = null;
        await orm.close();
        await closeAll();
      },
    };
  } catch (error) {
    // Nothing else owns the pool yet: close it, or a failed start keeps the process alive.
    await orm.close();
    for (const close of assembly.closeables ?? []) await close().catch(() => undefined);
    throw error;
  }
}
