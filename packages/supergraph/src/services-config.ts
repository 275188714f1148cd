import { resolve } from 'node:path';
import { collectConfigProblems, ConfigError, readWorkerCount } from '@techally/platform';

/** What `pnpm start:services` reads of its environment (the services read theirs themselves). */
export interface ServicesLauncherConfig {
  /** SEED_DEMO_DATA=true: load the demo shop before the services start (default false). */
  readonly seedDemoData: boolean;
  readonly gatewayWorkers: number;
  readonly subgraphWorkers: number;
  /** DATA_DIR (default `.data/` at the repository's root): the development signing key lives there. */
  readonly dataDir: string;
}

/**
 * Validates the launcher's variables once, before any process starts: DATABASE_URL and REDIS_URL are required
 * (the production shape runs on servers; `pnpm start` is the start that needs none), SEED_DEMO_DATA is true or
 * false, GATEWAY_WORKERS and SUBGRAPH_WORKERS are worker counts. One ConfigError names every bad variable.
 */
export function loadServicesLauncherConfig(env: Record<string, string | undefined>, repositoryRoot: string): ServicesLauncherConfig {
  const problems: Record<string, string> = {};
  const serverless = '`pnpm start` is the start that needs no servers';
  if (!env['DATABASE_URL']?.trim()) problems['DATABASE_URL'] = `is required: each service runs on a PostgreSQL server (${serverless})`;
  if (!env['REDIS_URL']?.trim()) problems['REDIS_URL'] = `is required: the services' events and subscriptions go through Redis (${serverless})`;
  const seedText = env['SEED_DEMO_DATA']?.trim().toLowerCase() || 'false';
  if (seedText !== 'true' && seedText !== 'false') problems['SEED_DEMO_DATA'] = `must be true or false, got "${env['SEED_DEMO_DATA']}"`;
  const gatewayWorkers = collectConfigProblems(problems, () => readWorkerCount('GATEWAY_WORKERS', env));
  const subgraphWorkers = collectConfigProblems(problems, () => readWorkerCount('SUBGRAPH_WORKERS', env));
  if (Object.keys(problems).length > 0) throw new ConfigError(problems);
  return Object.freeze({
    seedDemoData: seedText === 'true',
    gatewayWorkers: gatewayWorkers!,
    subgraphWorkers: subgraphWorkers!,
    dataDir: resolve(env['DATA_DIR'] ?? resolve(repositoryRoot, '.data')),
  });
}
