import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createLogger } from '@techally/platform';
import { localGraphEnv } from './local-graph-env';
import { seedDemoShop } from './seed-demo-shop';
import { serviceNodeOptions } from './service-node-options';
import { spawnServiceProcess, type ServiceExit, type ServiceProcess } from './service-process';
import type { ServicesLauncherConfig } from './services-config';
import { SUBGRAPHS } from './subgraph-registry';
import { webAppLines } from './web-app-urls';

/**
 * `pnpm start:services`: the production shape on one machine, as docker-compose.yml and deploy/ describe it:
 * each subgraph and the gateway a process of its own (`node <package>/dist/main.js`, SUBGRAPH_WORKERS /
 * GATEWAY_WORKERS workers each) on DATABASE_URL and REDIS_URL, on the same ports as `pnpm start`. users starts
 * first (the others verify tokens against its JWKS), then the other subgraphs together, then the gateway; each
 * must answer `/health/ready` before the next step. Their logs come out here, each line prefixed with the
 * service's name. SIGINT/SIGTERM stop them all (gateway first) and this process exits when they have; a service
 * that dies on its own stops the rest and this process exits 1, naming it.
 */
const REPO_ROOT = resolve(__dirname, '../../..');

/** Starts every service of the graph as a process of its own (see the comment above) and stays until stopped. */
export async function launchServices(config: ServicesLauncherConfig): Promise<void> {
  const logger = createLogger({ name: 'start-services', level: (process.env['LOG_LEVEL'] as never) ?? 'info' });
  const startedAt = Date.now();
  const local = localGraphEnv(process.env, config.dataDir);
  const host = local.env['HOST'] ?? '127.0.0.1';
  const reachableHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  const entries = [
    ...SUBGRAPHS.map((definition) => ({ name: definition.name, entry: join(REPO_ROOT, 'subgraphs', definition.name, 'dist/main.js') })),
    { name: 'gateway', entry: join(REPO_ROOT, 'gateway/dist/main.js') },
  ];
  const unbuilt = entries.find(({ entry }) => !existsSync(entry));
  if (unbuilt) throw new Error(`${unbuilt.entry} is missing: run \`pnpm build\` (or \`pnpm start:services\`, which builds) first`);

  if (config.seedDemoData) {
    await seedDemoShop(local.env, logger);
    logger.info('demo shop seeded (SEED_DEMO_DATA=true)');
  }

  const services: ServiceProcess[] = [];
  let stopping = false;
  const stopAll = async (): Promise<boolean> => {
    // The gateway first, so no request reaches a subgraph that is already draining.
    const exits: ServiceExit[] = [];
    for (const group of [services.filter((s) => s.name === 'gateway'), services.filter((s) => s.name !== 'gateway')]) {
      exits.push(...(await Promise.all(group.map((service) => service.stop()))));
    }
    // A service stopped while it was still booting dies of the signal itself: that is a clean stop too.
    return exits.every(({ code, signal }) => code === 0 || signal === 'SIGTERM' || signal === 'SIGINT');
  };
  const stopAndExit = (reason: () => void, exitCode?: number): void => {
    if (stopping) return;
    stopping = true;
    reason();
    void stopAll().then((clean) => process.exit(exitCode ?? (clean ? 0 : 1)));
  };
  const start = (name: string, entry: string, env: Record<string, string | undefined>): ServiceProcess => {
    const service = spawnServiceProcess(name, entry, { ...env, NODE_OPTIONS: serviceNodeOptions(env['NODE_OPTIONS']) }, REPO_ROOT);
    services.push(service);
    void service.exited.then(({ code, signal }) =>
      stopAndExit(() => logger.error({ service: name, code, signal }, `${name} exited unexpectedly (${signal ?? `code ${code}`}): stopping the others`), 1),
    );
    return service;
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => stopAndExit(() => logger.info({ signal }, 'stopping every service')));
  }

  const readyUrl = (port: number) => `http://${reachableHost}:${port}/health/ready`;
  const urls: Array<{ name: string; url: string }> = [];
  const startSubgraph = async (name: string): Promise<void> => {
    const definition = SUBGRAPHS.find((candidate) => candidate.name === name)!;
    const port = local.ports.get(name)!;
    // METRICS_PORT is the gateway's, as in `pnpm start`: each subgraph serves its metrics beside its port (+ 5464).
    const service = start(name, entries.find((entry) => entry.name === name)!.entry, {
      ...local.env,
      [definition.portVariable]: String(port),
      METRICS_PORT: undefined,
    });
    await service.ready(readyUrl(port));
    urls.push({ name, url: `http://${reachableHost}:${port}/graphql` });
  };
  try {
    await startSubgraph('users');
    await Promise.all(SUBGRAPHS.filter(({ name }) => name !== 'users').map(({ name }) => startSubgraph(name)));
    const gateway = start('gateway', entries.find((entry) => entry.name === 'gateway')!.entry, { ...local.env, PORT: String(local.gatewayPort) });
    await gateway.ready(readyUrl(local.gatewayPort));
  } catch (error) {
    if (stopping) return; // a service died while starting: its exit has already stopped the rest
    stopping = true;
    await stopAll();
    throw error;
  }

  const seconds = ((Date.now() - startedAt) / 1000).toFixed(1);
  const ordered = SUBGRAPHS.map(({ name }) => urls.find((entry) => entry.name === name)!);
  const gatewayOrigin = `http://${reachableHost.replace('127.0.0.1', 'localhost')}:${local.gatewayPort}`;
  process.stdout.write(
    `\n  TechAlly supergraph, a process per service, ready in ${seconds}s\n\n` +
      webAppLines(gatewayOrigin, local.env) +
      `  GraphQL             ${gatewayOrigin}/graphql   (${plural(config.gatewayWorkers)})\n` +
      ordered.map(({ name, url }) => `  ${name.padEnd(18)}  ${url}   (${plural(workersOf(name, config.subgraphWorkers))})\n`).join('') +
      `\n  Ctrl+C to stop.\n\n`,
  );
}

const plural = (workers: number) => (workers === 1 ? '1 process' : `${workers} workers`);

/** payments on the simulated provider runs one process whatever SUBGRAPH_WORKERS says (subgraphs/payments/src/main.ts). */
const workersOf = (name: string, subgraphWorkers: number) => (name === 'payments' && !process.env['STRIPE_SECRET_KEY']?.trim() ? 1 : subgraphWorkers);
